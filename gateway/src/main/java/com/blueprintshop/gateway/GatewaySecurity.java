package com.blueprintshop.gateway;

import com.blueprintshop.defaults.security.ServiceSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway checks every access token before a request reaches a service (the services check
 * again: a request that bypasses the gateway gets no further). Reading the catalog needs no
 * token; staff paths need the ADMIN role, except the warehouse's own (stock levels and uploads,
 * shipping orders), which WAREHOUSE may use too; anything else that changes data needs a
 * signed-in user or, for sign-up, the storefront's own client-credentials token.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

	static final String[] WAREHOUSE_PATHS = { "/api/inventory/admin/stock/**", "/api/order/admin/orders/**" };

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
