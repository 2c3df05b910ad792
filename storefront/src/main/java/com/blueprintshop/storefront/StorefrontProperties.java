package com.blueprintshop.storefront;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gatewayUrl the gateway's base URL; {@code http://gateway} is resolved through
 * discovery by the load-balanced client
 * @param services the services whose status the system page shows
 * @param locale the language the pages are written in, which also decides how prices and
 * dates are formatted
 */
@ConfigurationProperties("shop.storefront")
public record StorefrontProperties(String gatewayUrl, List<String> services, Locale locale) {
}
