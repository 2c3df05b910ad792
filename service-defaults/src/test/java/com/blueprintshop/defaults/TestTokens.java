package com.blueprintshop.defaults;

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
 * exp), signed with a key made for the test run; {@link Decoder} makes a service trust it in place
 * of identity's key set. Shared with the other modules' tests through this module's test jar.
 */
public final class TestTokens {

	public static final String ISSUER = "http://identity";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final KeyPair KEYS = generate();

	private static final KeyPair OTHER_KEYS = generate();

	private TestTokens() {
	}

	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEYS.getPublic();
	}

	/** A staff member with the ADMIN role (a new subject each call). */
	public static String admin() {
		return token(List.of("ADMIN"), ISSUER, LIFETIME);
	}

	/** A shopper (a new subject each call). */
	public static String customer() {
		return token(List.of("CUSTOMER"), ISSUER, LIFETIME);
	}

	/** A shopper whose id at identity is {@code subject}, e-mail {@code <subject>@example.com}. */
	public static String customer(String subject) {
		return person(subject, subject + "@example.com", List.of("CUSTOMER"), ISSUER, LIFETIME);
	}

	public static String expiredAdmin() {
		return token(List.of("ADMIN"), ISSUER, LIFETIME.negated());
	}

	public static String expiredCustomer(String subject) {
		return person(subject, subject + "@example.com", List.of("CUSTOMER"), ISSUER, LIFETIME.negated());
	}

	/** A real admin token with one character of its payload changed: the signature no longer fits. */
	public static String tampered() {
		String token = admin();
		int payload = token.indexOf('.') + 5;
		char replaced = (token.charAt(payload) == 'A') ? 'B' : 'A';
		return token.substring(0, payload) + replaced + token.substring(payload + 1);
	}

	/** A staff member's token with a new subject; a negative {@code validFor} makes it expired. */
	public static String token(List<String> roles, String issuer, Duration validFor) {
		return person(UUID.randomUUID().toString(), "staff@example.com", roles, issuer, validFor);
	}

	/** Subject {@code user-1}, e-mail user@example.com, no scope. */
	public static String valid(List<String> roles) {
		return sign(KEYS, ISSUER, roles, Instant.now().plusSeconds(300));
	}

	public static String expired(List<String> roles) {
		return sign(KEYS, ISSUER, roles, Instant.now().minusSeconds(600));
	}

	public static String fromIssuer(String issuer, List<String> roles) {
		return sign(KEYS, issuer, roles, Instant.now().plusSeconds(300));
	}

	public static String signedByAnotherKey(List<String> roles) {
		return sign(OTHER_KEYS, ISSUER, roles, Instant.now().plusSeconds(300));
	}

	/** A person's token as identity issues it: their id as subject, their e-mail and roles. */
	public static String forUser(String subject, String email, List<String> roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.claim("roles", roles)
			.claim("email", email)
			.claim("scope", List.of("openid", "profile", "email"))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		return sign(KEYS, claims);
	}

	/** A client-credentials token: the client is the subject, the grant is in its scopes. */
	public static String forClient(String clientId, List<String> scopes) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(clientId)
			.issuer(ISSUER)
			.claim("roles", List.of())
			.claim("scope", scopes)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		return sign(KEYS, claims);
	}

	private static String person(String subject, String email, List<String> roles, String issuer,
			Duration validFor) {
		Instant expires = Instant.now().plus(validFor);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.claim("email", email)
			.claim("roles", roles)
			.claim("scope", "openid profile email")
			.issueTime(Date.from(expires.minus(LIFETIME)))
			.expirationTime(Date.from(expires))
			.build();
		return sign(KEYS, claims);
	}

	private static String sign(KeyPair keys, String issuer, List<String> roles, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("user-1")
			.issuer(issuer)
			.claim("roles", roles)
			.claim("email", "user@example.com")
			.issueTime(Date.from(expiresAt.minusSeconds(300)))
			.expirationTime(Date.from(expiresAt))
			.build();
		return sign(keys, claims);
	}

	private static String sign(KeyPair keys, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Replaces service-defaults' decoder (which fetches identity's key set) in a servlet service's
	 * tests: {@code @Import(TestTokens.Decoder.class)}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey())
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
			return decoder;
		}

	}

}
