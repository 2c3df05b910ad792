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

/** RS256 access tokens shaped like identity's, signed with a key made for the test run. */
final class SampleTokens {

	private static final KeyPair KEYS = generate();

	private static final KeyPair OTHER_KEYS = generate();

	private SampleTokens() {
	}

	static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEYS.getPublic();
	}

	static String valid(List<String> roles) {
		return sign(KEYS, "http://identity", roles, Instant.now().plusSeconds(300));
	}

	static String expired(List<String> roles) {
		return sign(KEYS, "http://identity", roles, Instant.now().minusSeconds(600));
	}

	static String fromIssuer(String issuer, List<String> roles) {
		return sign(KEYS, issuer, roles, Instant.now().plusSeconds(300));
	}

	static String signedByAnotherKey(List<String> roles) {
		return sign(OTHER_KEYS, "http://identity", roles, Instant.now().plusSeconds(300));
	}

	private static String sign(KeyPair keys, String issuer, List<String> roles, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("user-1")
			.issuer(issuer)
			.claim("roles", roles)
			.claim("email", "user@example.com")
			.issueTime(Date.from(expiresAt.minusSeconds(300)))
			.expirationTime(Date.from(expiresAt))
			.build();
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
