package com.blueprintshop.catalog;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

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
 * Access tokens as identity issues them (RS256, iss http://identity, sub, email, roles, scope,
 * exp), signed with a key made for the test run; {@link Decoder} makes the service trust it in
 * place of identity's key set.
 */
public final class TestTokens {

	public static final String ISSUER = "http://identity";

	private static final KeyPair KEYS = keys();

	private TestTokens() {
	}

	public static String admin() {
		return token(List.of("ADMIN"), ISSUER, Duration.ofMinutes(5));
	}

	public static String customer() {
		return token(List.of("CUSTOMER"), ISSUER, Duration.ofMinutes(5));
	}

	public static String expiredAdmin() {
		return token(List.of("ADMIN"), ISSUER, Duration.ofMinutes(-5));
	}

	/** A real admin token with one character of its payload changed: the signature no longer fits. */
	public static String tampered() {
		String token = admin();
		int payload = token.indexOf('.') + 5;
		char replaced = (token.charAt(payload) == 'A') ? 'B' : 'A';
		return token.substring(0, payload) + replaced + token.substring(payload + 1);
	}

	public static String token(List<String> roles, String issuer, Duration validFor) {
		Instant expires = Instant.now().plus(validFor);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
			.issuer(issuer)
			.claim("email", "staff@example.com")
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
