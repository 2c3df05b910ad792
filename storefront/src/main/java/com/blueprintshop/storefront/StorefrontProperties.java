package com.blueprintshop.storefront;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gatewayUrl the gateway's base URL; {@code http://gateway} is resolved through
 * discovery by the load-balanced client
 * @param services the services whose status the home page shows
 */
@ConfigurationProperties("shop.storefront")
public record StorefrontProperties(String gatewayUrl, List<String> services) {
}
