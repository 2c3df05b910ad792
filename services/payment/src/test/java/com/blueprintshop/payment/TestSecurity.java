package com.blueprintshop.payment;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.blueprintshop.defaults.TestTokens;

/**
 * Makes the service trust service-defaults' {@link TestTokens} (signed with a key made for the
 * test run) in place of identity's key set.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {

	public static String admin() {
		return TestTokens.valid(List.of("ADMIN"));
	}

	public static String customer() {
		return TestTokens.valid(List.of("CUSTOMER"));
	}

	@Bean
	JwtDecoder jwtDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://identity"));
		return decoder;
	}

}
