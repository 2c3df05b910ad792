package com.blueprintshop.identity.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import com.blueprintshop.identity.system.BrowserHeaders;

@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	static final String EMAIL_PARAMETER = "email";

	/**
	 * The browser's side of identity: the sign-in page and its form post, with a session (in Redis,
	 * so any instance continues it) and CSRF protection. After the authorization server's chain
	 * and the API's, this one takes every remaining path.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain browser(HttpSecurity http, SignInAttempts attempts) {
		SignInFailureHandler failureHandler = new SignInFailureHandler(attempts);
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
				.anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter(EMAIL_PARAMETER)
				.successHandler(new SignInSuccessHandler(attempts))
				.failureHandler(failureHandler))
			.addFilterBefore(new SignInThrottleFilter(attempts, failureHandler),
					UsernamePasswordAuthenticationFilter.class)
			.headers(BrowserHeaders.strict())
			.build();
	}

}
