package com.blueprintshop.storefront.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the storefront reaches identity as an OAuth2 client. The endpoints are fixed here instead
 * of discovered from identity's metadata so that the storefront starts while identity is down.
 *
 * @param clientId the client id identity registered for the storefront
 * @param clientSecret its secret ({@code BLUEPRINT_STOREFRONT_CLIENT_SECRET}); required
 * @param issuer the {@code iss} of identity's tokens
 * @param authorizationUri where the browser is sent to sign in: a path on the edge's origin
 * @param tokenUri the token endpoint, called by the storefront through the gateway
 * @param jwkSetUri identity's signing keys, fetched through the gateway
 * @param endSessionUri where the browser is sent to sign out of identity: a path on the edge's
 * origin
 */
@ConfigurationProperties("shop.storefront.identity")
record IdentityProviderProperties(String clientId, String clientSecret, String issuer, String authorizationUri,
		String tokenUri, String jwkSetUri, String endSessionUri) {
}
