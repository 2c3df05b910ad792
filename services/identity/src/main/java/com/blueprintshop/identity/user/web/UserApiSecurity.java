package com.blueprintshop.identity.user.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.blueprintshop.defaults.security.ServiceSecurity;

@Configuration(proxyBeanMethods = false)
class UserApiSecurity {

	/**
	 * The bearer-token API, and the probes and {@code /about} that every service leaves open.
	 * Registration takes the storefront's client token ({@code users.register}); the profile takes
	 * a person's token, recognised by its roles (client tokens have none).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain userApi(HttpSecurity http, ServiceSecurity security) throws Exception {
		http.securityMatcher("/users", "/users/**", "/me", "/actuator/**", "/about");
		return security.resourceServer(http)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/users").hasAuthority("SCOPE_users.register")
				.requestMatchers("/me").hasAnyRole("CUSTOMER", "WAREHOUSE", "ADMIN")
				.anyRequest().authenticated())
			.build();
	}

}
