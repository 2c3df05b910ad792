package com.blueprintshop.storefront;

import java.time.Instant;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/** A user signed in through identity, as Spring Security would hold them after the code flow. */
public final class SignedIn {

	private SignedIn() {
	}

	/**
	 * @param identity the storefront's {@code identity} client registration
	 * @param name the ID token's {@code name}
	 * @param role the user's role authority, such as {@code ROLE_ADMIN}
	 * @param accessToken the access token the storefront holds for the user
	 */
	public static RequestPostProcessor as(ClientRegistration identity, String name, String role, String accessToken) {
		return as(identity, name.toLowerCase().replace(' ', '-'), name, role, accessToken);
	}

	/**
	 * @param subject the ID token's {@code sub}, which keys the account's cart
	 */
	public static RequestPostProcessor as(ClientRegistration identity, String subject, String name, String role,
			String accessToken) {
		Instant now = Instant.now();
		RequestPostProcessor login = oidcLogin().clientRegistration(identity)
			.idToken((token) -> token.subject(subject).claim("name", name))
			.authorities(new SimpleGrantedAuthority(role));
		RequestPostProcessor tokens = oauth2Client(identity.getRegistrationId()).clientRegistration(identity)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
					now.plusSeconds(300)));
		return (request) -> tokens.postProcessRequest(login.postProcessRequest(request));
	}

}
