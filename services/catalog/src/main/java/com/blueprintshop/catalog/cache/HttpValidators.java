package com.blueprintshop.catalog.cache;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Conditional GET for the catalog API, from versions the caches already hold: a controller asks
 * before it loads or renders anything, and answers a matching {@code If-None-Match} (or, without
 * one, {@code If-Modified-Since}) with 304 and no body. Not a ShallowEtagHeaderFilter, which
 * would render the whole body to hash it. API responses are {@code no-cache}: clients may keep
 * them and must ask again each time, which a 304 makes cheap.
 */
@Component
public class HttpValidators {

	private final boolean enabled;

	HttpValidators(HttpCacheProperties properties) {
		this.enabled = properties.enabled();
	}

	/** Whether the response is a 304 already; sets the validators on it either way. */
	public boolean notModified(ServletWebRequest request, String etag, Instant lastModified) {
		if (!this.enabled) {
			return false;
		}
		HttpServletResponse response = request.getResponse();
		if (response != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		}
		return (lastModified != null) ? request.checkNotModified(etag, lastModified.toEpochMilli())
				: request.checkNotModified(etag);
	}

}
