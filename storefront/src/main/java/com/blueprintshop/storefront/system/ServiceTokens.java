package com.blueprintshop.storefront.system;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The storefront's own access token (client credentials, scope {@code users.register}), for
 * the calls it makes on behalf of nobody in particular, such as creating an account.
 */
public final class ServiceTokens {

	private final OAuth2AuthorizedClientManager manager;

	private final String registrationId;

	ServiceTokens(OAuth2AuthorizedClientManager manager, String registrationId) {
		this.manager = manager;
		this.registrationId = registrationId;
	}

	/** A valid token, fetched from identity only when the cached one is about to expire. */
	public String accessToken() {
		try {
			OAuth2AuthorizedClient client = this.manager.authorize(
					OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId).principal("storefront").build());
			if (client == null) {
				throw new ServiceUnavailableException("identity issued no token to the storefront", null);
			}
			return client.getAccessToken().getTokenValue();
		}
		catch (OAuth2AuthorizationException ex) {
			throw new ServiceUnavailableException("identity did not issue a token to the storefront: " + ex.getMessage(),
					ex);
		}
	}

}
