package com.blueprintshop.catalog.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP validators on the catalog's GET API ({@code shop.http-cache.*}).
 *
 * @param enabled env {@code SHOP_HTTP_CACHE_ENABLED}: ETags, Last-Modified, {@code no-cache} and
 * 304 answers; off, responses carry none of them
 */
@ConfigurationProperties("shop.http-cache")
public record HttpCacheProperties(@DefaultValue("true") boolean enabled) {
}
