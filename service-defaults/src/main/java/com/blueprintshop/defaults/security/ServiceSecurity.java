package com.blueprintshop.defaults.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;

/**
 * The security every API of the shop shares: a stateless resource server that accepts RS256
 * access tokens from identity, maps their {@code roles} to {@code ROLE_*} authorities, answers
 * 401 and 403 with problem details, and leaves probes, {@code /about} and the OpenAPI document
 * open. Each deployable adds its own rules on top:
 *
 * <pre>
 * security.resourceServer(http)
 *     .authorizeHttpRequests((a) -&gt; a.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().permitAll())
 *     .build();
 * </pre>
 */
public final class ServiceSecurity {

	private final Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter;

	private final ProblemResponses problems;

	ServiceSecurity(Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter,
			ProblemResponses problems) {
		this.authenticationConverter = authenticationConverter;
		this.problems = problems;
	}

	public HttpSecurity resourceServer(HttpSecurity http) throws Exception {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
		return http
			// bearer tokens are not sent by browsers on their own, so there is nothing to forge
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(this.authenticationConverter))
				.authenticationEntryPoint((request, response, ex) -> {
					bearer.commence(request, response, ex);
					this.problems.write(response, 401, "Unauthorized",
							"A valid access token is required: sign in again or request a new token.");
				})
				.accessDeniedHandler((request, response, ex) -> {
					denied.handle(request, response, ex);
					this.problems.write(response, 403, "Forbidden",
							"Your access token does not grant the role or scope this request needs.");
				}))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> {
					bearer.commence(request, response, ex);
					this.problems.write(response, 401, "Unauthorized", "A valid access token is required.");
				}))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/**", "/about", "/v3/api-docs", "/v3/api-docs/**", "/error")
				.permitAll());
	}

}
