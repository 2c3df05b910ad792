package com.blueprintshop.storefront;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Signs a browser (a MockMvc session) in through the real authorization code flow: the
 * storefront sends it to identity, identity (the stubbed gateway) answers the code with tokens and
 * an ID token signed by a key it publishes, and the storefront's own filters check that token and
 * run the sign-in success handling, as they do in production.
 */
public final class CodeFlow {

	private static final RSAKey KEY = signingKey();

	private CodeFlow() {
	}

	/** @return the answer to identity's redirect back to the storefront */
	public static MvcResult signIn(MockMvc mvc, GatewayStub gateway, MockHttpSession browser, String subject,
			String name) throws Exception {
		String authorize = mvc.perform(get("/oauth2/authorization/identity").session(browser))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(authorize).build().getQueryParams();
		String state = URLDecoder.decode(query.getFirst("state"), StandardCharsets.UTF_8);
		String nonce = URLDecoder.decode(query.getFirst("nonce"), StandardCharsets.UTF_8);
		gateway.json("GET", "/auth/oauth2/jwks", 200, new JWKSet(KEY.toPublicJWK()).toString());
		gateway.json("POST", "/auth/oauth2/token", 200, """
				{"access_token":"access-%s","refresh_token":"refresh-%s","token_type":"Bearer","expires_in":300,
				 "scope":"openid profile email","id_token":"%s"}
				""".formatted(subject, subject, idToken(subject, name, nonce)));
		return mvc.perform(get("/login/oauth2/code/identity").param("code", "code-" + subject)
			.param("state", state)
			.session(browser)).andReturn();
	}

	private static String idToken(String subject, String name, String nonce) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://identity")
			.subject(subject)
			.audience("storefront")
			.claim("azp", "storefront")
			.claim("nonce", nonce)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("name", name)
			.claim("roles", List.of("CUSTOMER"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(KEY));
		return jwt.serialize();
	}

	private static RSAKey signingKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
				.keyID("code-flow")
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
