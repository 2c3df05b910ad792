package com.blueprintshop.gateway;

import java.net.URI;
import java.time.Duration;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.HttpMethod;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * A response timeout per route on the one shared connection pool: the route's before-filter
 * puts its bound on the incoming request, and the HTTP client reads it back when it opens the
 * outgoing exchange, which happens on the same request thread.
 */
final class RouteTimeouts {

	private static final String ATTRIBUTE = RouteTimeouts.class.getName() + ".timeout";

	private final Duration connectTimeout;

	RouteTimeouts(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	static java.util.function.Function<ServerRequest, ServerRequest> bound(Duration timeout) {
		return (request) -> {
			request.attributes().put(ATTRIBUTE, timeout);
			return request;
		};
	}

	HttpContext context(HttpMethod method, URI uri) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object timeout = (attributes != null) ? attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
		if (!(timeout instanceof Duration bound)) {
			// no route bound: the pool's defaults (shop.http.*) apply
			return null;
		}
		HttpClientContext context = HttpClientContext.create();
		context.setRequestConfig(RequestConfig.custom()
			.setConnectionRequestTimeout(Timeout.of(this.connectTimeout))
			.setResponseTimeout(Timeout.of(bound))
			.build());
		return context;
	}

}
