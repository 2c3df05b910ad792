package com.blueprintshop.identity.authserver;

import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.blueprintshop.defaults.security.SecurityProperties;
import com.blueprintshop.identity.system.BrowserHeaders;
import com.blueprintshop.identity.user.Users;

/**
 * The OAuth2 authorization server and OpenID provider: clients, authorizations and consents in
 * identity's database, tokens signed with the persisted {@link SigningKeys}, a fixed issuer.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/**
	 * The protocol endpoints ({@code /oauth2/*}, {@code /connect/logout}, {@code /userinfo},
	 * discovery). A browser that is not signed in is sent to the sign-in page, which returns it
	 * here afterwards.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.authorizationEndpoint((endpoint) -> endpoint.authenticationProviders(ClientOnlyScopes::applyTo))
				.oidc(Customizer.withDefaults());
		});
		MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pages))
			// the userinfo endpoint takes the access token as a bearer token
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.headers(BrowserHeaders.strict())
			.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(SecurityProperties security) {
		// fixed, not derived from the request: every instance, behind any proxy, is the same issuer
		return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
		return new LazyAuthorizationService(() -> new JdbcOAuth2AuthorizationService(jdbc, clients));
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(Users users) {
		return new TokenClaims(users);
	}

	@Bean
	SessionRegistry oidcSessionRegistry() {
		return new NoSessionTracking();
	}

	/**
	 * Identity is the issuer, so it checks tokens sent to its own API against its own keys rather
	 * than fetching its key set over HTTP (service-defaults' decoder backs off for this one).
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys, SecurityProperties security) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(security.issuer())));
		return decoder;
	}

}
