package com.blueprintshop.identity.authserver;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storefront's registration as an OAuth2 client.
 *
 * @param clientSecret the shared secret (BLUEPRINT_STOREFRONT_CLIENT_SECRET); required
 * @param redirectUris where authorization codes may be sent
 * @param postLogoutRedirectUris where the browser may be sent after signing out
 * @param accessTokenTimeToLive how long an access token is valid
 * @param refreshTokenTimeToLive how long a refresh token is valid
 */
@ConfigurationProperties("shop.identity.storefront")
record StorefrontClientProperties(String clientSecret, List<String> redirectUris, List<String> postLogoutRedirectUris,
		@DefaultValue("5m") Duration accessTokenTimeToLive, @DefaultValue("8h") Duration refreshTokenTimeToLive) {

	StorefrontClientProperties {
		redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
		postLogoutRedirectUris = (postLogoutRedirectUris != null) ? List.copyOf(postLogoutRedirectUris) : List.of();
	}

	@Override
	public String toString() {
		return "StorefrontClientProperties[redirectUris=" + this.redirectUris + ", postLogoutRedirectUris="
				+ this.postLogoutRedirectUris + "]";
	}

}
