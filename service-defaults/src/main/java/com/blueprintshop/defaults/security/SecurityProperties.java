package com.blueprintshop.defaults.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where access tokens come from and how to check them.
 *
 * @param issuer the {@code iss} every accepted token must carry
 * @param jwkSetUri where the issuer publishes its public keys
 * @param jwkSetLoadBalanced whether the key set's host is a service name resolved through
 * discovery (the default, {@code http://identity/...}) or a plain address
 */
@ConfigurationProperties("shop.security")
public record SecurityProperties(String issuer, URI jwkSetUri, boolean jwkSetLoadBalanced) {
}
