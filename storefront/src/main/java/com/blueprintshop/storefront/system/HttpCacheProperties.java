package com.blueprintshop.storefront.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP caching of the storefront's pages (issue 6, layer 1).
 *
 * @param enabled off, nothing the storefront answers may be reused without asking again: no
 * ETag, no 304, every page {@code no-cache}; the ablation lab measures the layer this way
 * @param sharedMaxAge how long a shared cache (the edge's micro-cache) may keep an anonymous
 * catalog page ({@code s-maxage}); browsers always revalidate it
 * @param versionFreshness how long this instance reuses catalog's version before asking again
 */
@ConfigurationProperties("shop.http-cache")
public record HttpCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration sharedMaxAge,
		@DefaultValue("500ms") Duration versionFreshness) {

	public HttpCacheProperties {
		if (sharedMaxAge == null || sharedMaxAge.isNegative()) {
			sharedMaxAge = Duration.ofSeconds(2);
		}
		if (versionFreshness == null || versionFreshness.isNegative()) {
			versionFreshness = Duration.ZERO;
		}
	}

}
