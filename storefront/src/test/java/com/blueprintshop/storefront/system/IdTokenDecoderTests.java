package com.blueprintshop.storefront.system;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.blueprintshop.storefront.PageTestSupport;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ID tokens are checked against identity's keys, fetched through the gateway (found by the load
 * balancer, like every other call), for signature, issuer, audience and expiry.
 */
class IdTokenDecoderTests extends PageTestSupport {

	static RSAKey key;

	@Autowired
	JwtDecoderFactory<ClientRegistration> decoders;

	@Autowired
	ClientRegistrationRepository registrations;

	@BeforeAll
	static void signingKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID("k1").build();
	}

	@Test
	void acceptsAnIdTokenSignedByIdentityForTheStorefront() throws Exception {
		serveKeys();

		Jwt idToken = decoder().decode(idToken("http://identity", "storefront"));

		assertThat(idToken.getSubject()).isEqualTo("ada");
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("CUSTOMER", "ADMIN");
		assertThat(gateway.received("GET", "/auth/oauth2/jwks")).isTrue();
	}

	@Test
	void rejectsAnIdTokenFromAnotherIssuerOrForAnotherClient() throws Exception {
		serveKeys();

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> decoder().decode(idToken("http://elsewhere", "storefront")));
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> decoder().decode(idToken("http://identity", "someone-else")));
	}

	private JwtDecoder decoder() {
		return this.decoders.createDecoder(this.registrations.findByRegistrationId("identity"));
	}

	private static void serveKeys() {
		gateway.json("GET", "/auth/oauth2/jwks", 200, new JWKSet(key.toPublicJWK()).toString());
	}

	private static String idToken(String issuer, String audience) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("ada")
			.audience(audience)
			.claim("azp", "storefront")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("name", "Ada Lovelace")
			.claim("roles", List.of("CUSTOMER", "ADMIN"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
