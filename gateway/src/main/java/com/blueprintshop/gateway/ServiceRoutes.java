package com.blueprintshop.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.time.Duration;
import java.util.Set;

import com.blueprintshop.defaults.HttpClientProperties;
import com.blueprintshop.defaults.ServiceHttpClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	@Bean
	RouterFunction<ServerResponse> apiRoutes(GatewayRoutesProperties properties, HttpClientProperties http) {
		return properties.services()
			.stream()
			.map((service) -> routeTo(service, properties.timeouts().getOrDefault(service, http.readTimeout())))
			.reduce(RouterFunction::and)
			.orElseThrow(() -> new IllegalStateException("shop.gateway.services names no service"));
	}

	/**
	 * Identity's OAuth2 endpoints for backend callers: the storefront's token requests and every
	 * resource server's key-set fetch go to {@code http://gateway/auth/oauth2/...}. (Browsers reach
	 * identity's sign-in pages through the edge, which proxies {@code /auth/} to identity itself.)
	 */
	@Bean
	RouterFunction<ServerResponse> identityRoutes(GatewayRoutesProperties properties, HttpClientProperties http) {
		return route("identity-browser").route(path("/auth/**"), http())
			.before(RouteTimeouts.bound(properties.timeouts().getOrDefault("identity", http.readTimeout())))
			// X-Forwarded-Prefix: /auth comes from the X-Forwarded filter, which sees the stripped prefix
			.before(stripPrefix(1))
			.filter(lb("identity"))
			.after(removeResponseHeader(HttpHeaders.DATE))
			.after(removeResponseHeader("X-Trace-Id"))
			.build();
	}

	/**
	 * The gateway proxies over the shared pool (keep-alive, TCP_NODELAY, timeouts), bounded per
	 * route by {@link RouteTimeouts}. Requests of methods without a body are buffered, so they go
	 * out with {@code Content-Length: 0}: streamed, they would be an empty chunked body, which
	 * Jetty may answer and close the connection on before the terminating chunk arrives — the
	 * client then writes into a closed pooled connection ("Broken pipe"; measured: ~3 % of
	 * proxied GETs under load).
	 */
	@Bean
	ClientHttpRequestFactory gatewayRequestFactory(ServiceHttpClients clients, HttpClientProperties http) {
		HttpComponentsClientHttpRequestFactory pooled = clients.requestFactory();
		pooled.setHttpContextFactory(new RouteTimeouts(http.connectTimeout())::context);
		return new BufferingClientHttpRequestFactory(pooled, (uri, method) -> BODILESS.contains(method));
	}

	private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
			HttpMethod.OPTIONS, HttpMethod.TRACE);

	private static RouterFunction<ServerResponse> routeTo(String service, Duration timeout) {
		// stripPrefix before lb(), which resolves the final URI; failures: DownstreamProblems
		return route(service).route(path("/api/" + service + "/**"), http())
			.before(RouteTimeouts.bound(timeout))
			.before(stripPrefix(2))
			.filter(lb(service))
			// the gateway answers with its own Date and trace id header (the trace id is the same)
			.after(removeResponseHeader(HttpHeaders.DATE))
			.after(removeResponseHeader("X-Trace-Id"))
			.build();
	}

}
