package com.blueprintshop.notification;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens as identity issues them (RS256, iss http://identity, sub, email, roles, exp) for
 * a chosen subject, signed with a key made for the test run; {@link Decoder} makes the service
 * trust it in place of identity's key set. (service-defaults' test jar has TestTokens too, but
 * with one fixed subject, and it carries a Flyway V1 migration that clashes with this service's.)
 */
public final class TestTokens {

	public static final String ISSUER = "http://identity";

	private static final KeyPair KEYS = keys();

	private TestTokens() {
	}

	public static String customer(String subject) {
		return token(subject, List.of("CUSTOMER"), Duration.ofMinutes(5));
	}

	public static String admin() {
		return token("staff-1", List.of("ADMIN"), Duration.ofMinutes(5));
	}

	public static String expired(String subject) {
		return token(subject, List.of("CUSTOMER"), Duration.ofMinutes(-5));
	}

	public static String token(String subject, List<String> roles, Duration validFor) {
		Instant expires = Instant.now().plus(validFor);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.claim("email", subject + "@example.com")
			.claim("roles", roles)
			.claim("scope", "openid profile email")
			.issueTime(Date.from(expires.minus(Duration.ofMinutes(5))))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Replaces service-defaults' decoder (which fetches identity's key set) in the tests. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic())
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
			return decoder;
		}

	}

}
