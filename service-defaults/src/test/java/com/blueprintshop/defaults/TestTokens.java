package com.blueprintshop.defaults;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * RS256 access tokens shaped like identity's, signed with a key made for the test run; shared
 * with the other modules' tests through this module's test jar.
 */
public final class TestTokens {

	private static final KeyPair KEYS = generate();

	private static final KeyPair OTHER_KEYS = generate();

	private TestTokens() {
	}

	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEYS.getPublic();
	}

	public static String valid(List<String> roles) {
		return sign(KEYS, "http://identity", roles, Instant.now().plusSeconds(300));
	}

	public static String expired(List<String> roles) {
		return sign(KEYS, "http://identity", roles, Instant.now().minusSeconds(600));
	}

	public static String fromIssuer(String issuer, List<String> roles) {
		return sign(KEYS, issuer, roles, Instant.now().plusSeconds(300));
	}

	public static String signedByAnotherKey(List<String> roles) {
		return sign(OTHER_KEYS, "http://identity", roles, Instant.now().plusSeconds(300));
	}

	/** A person's token as identity issues it: their id as subject, their e-mail and roles. */
	public static String forUser(String subject, String email, List<String> roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("http://identity")
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
			.issuer("http://identity")
			.claim("roles", List.of())
			.claim("scope", scopes)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
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

}
