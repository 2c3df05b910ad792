package com.blueprintshop.gateway;

import java.io.IOException;

import com.blueprintshop.defaults.security.ServiceSecurity;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway checks every access token before a request reaches a service (the services check
 * again: a request that bypasses the gateway gets no further, except to a service's
 * {@code /internal} endpoints, which the gateway never passes on). Reading the catalog needs no
 * token; staff paths need the ADMIN role, except the warehouse's own (stock levels and uploads,
 * shipping orders), which WAREHOUSE may use too; anything else that changes data needs a
 * signed-in user or, for sign-up, the storefront's own client-credentials token.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

	static final String[] WAREHOUSE_PATHS = { "/api/inventory/admin/stock/**", "/api/order/admin/orders/**" };

	/**
	 * A service's {@code /internal/**} endpoints (the saga's commands over REST, which the order
	 * service's synchronous checkout calls on inventory and payment directly) are for
	 * service-to-service calls on the private network only: the services let them through without
	 * a token, trusting that no client can reach their ports, and this is where that holds. Every
	 * client comes in through the edge and the gateway, so the gateway refuses
	 * {@code /api/<service>/internal/**} to everyone, whatever token comes with it, before it
	 * routes anything. In Kubernetes a NetworkPolicy does the same job for the services' ports.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain internalEndpoints(HttpSecurity http, JsonMapper json) throws Exception {
		AuthenticationEntryPoint refuse = (request, response, ex) -> forbidden(response, json);
		return http.securityMatcher("/api/*/internal/**")
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll())
			// no token is read here, so every caller is anonymous and is refused through the entry point
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refuse)
				.accessDeniedHandler((request, response, ex) -> forbidden(response, json)))
			.build();
	}

	private static void forbidden(HttpServletResponse response, JsonMapper json) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Internal service endpoints are not reachable through the gateway.");
		problem.setTitle("Forbidden");
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** Identity's browser endpoints authenticate their callers themselves (form, client secret, PKCE). */
	@Bean
	@Order(1)
	SecurityFilterChain identityBrowserSide(HttpSecurity http) throws Exception {
		return http.securityMatcher("/auth/**")
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
		return security.resourceServer(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/*/about")
				.permitAll()
				.requestMatchers(WAREHOUSE_PATHS)
				.hasAnyRole("ADMIN", "WAREHOUSE")
				.requestMatchers("/api/*/admin/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/identity/users")
				.hasAuthority("SCOPE_users.register")
				.requestMatchers("/api/identity/me")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

}
