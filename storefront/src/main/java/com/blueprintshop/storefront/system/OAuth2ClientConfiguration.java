package com.blueprintshop.storefront.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.blueprintshop.defaults.ServiceHttpClients;
import com.blueprintshop.storefront.GatewayLoadBalancing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The storefront as an OAuth2 client of identity, a backend-for-frontend: the browser only ever
 * holds the session cookie; codes are exchanged, tokens refreshed and kept in the server-side
 * session (Redis) here. Every call to identity's token and key endpoints goes through the
 * gateway, found in discovery like every other call the storefront makes.
 *
 * <p>Spring Security builds the {@code OAuth2AuthorizedClientManager} for signed-in users from
 * these beans (the token response clients, the session-backed authorized client repository).
 */
@Configuration(proxyBeanMethods = false)
class OAuth2ClientConfiguration {

	/** Signs shoppers and staff in (authorization code + PKCE, then refresh tokens). */
	static final String USER_REGISTRATION = "identity";

	/** The storefront acting for itself: creating accounts (client credentials). */
	static final String SERVICE_REGISTRATION = "storefront-service";

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(IdentityProviderProperties identity) {
		if (!StringUtils.hasText(identity.clientSecret())) {
			throw new MissingClientSecretException(identity.clientId());
		}
		ClientRegistration users = ClientRegistration.withRegistrationId(USER_REGISTRATION)
			.clientId(identity.clientId())
			.clientSecret(identity.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			// PKCE even though the client is confidential: identity requires it, and it binds the
			// code to this browser's session should a code leak
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)
			// a relative URI: the browser resolves it against the edge's origin, whatever host and
			// port the user reached the shop on
			.authorizationUri(identity.authorizationUri())
			.tokenUri(identity.tokenUri())
			.jwkSetUri(identity.jwkSetUri())
			.issuerUri(identity.issuer())
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", identity.endSessionUri()))
			.clientName("Blueprint Shop")
			.build();
		ClientRegistration service = ClientRegistration.withRegistrationId(SERVICE_REGISTRATION)
			.clientId(identity.clientId())
			.clientSecret(identity.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("users.register")
			.tokenUri(identity.tokenUri())
			.build();
		return new InMemoryClientRegistrationRepository(users, service);
	}

	// In the HTTP session, which lives in Redis: any storefront instance finds the user's tokens.
	// (Spring's default keeps a signed-in user's tokens in this JVM's memory.)
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			ServiceHttpClients clients, GatewayLoadBalancing loadBalancing) {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(tokenEndpointClient(clients, loadBalancing));
		return client;
	}

	@Bean
	OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenTokenResponseClient(
			ServiceHttpClients clients, GatewayLoadBalancing loadBalancing) {
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(tokenEndpointClient(clients, loadBalancing));
		return client;
	}

	@Bean
	OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> clientCredentialsTokenResponseClient(
			ServiceHttpClients clients, GatewayLoadBalancing loadBalancing) {
		RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
		client.setRestClient(tokenEndpointClient(clients, loadBalancing));
		return client;
	}

	/** Like Spring Security's own token client, but pooled, observed and load-balanced. */
	private static RestClient tokenEndpointClient(ServiceHttpClients clients, GatewayLoadBalancing loadBalancing) {
		return clients.builder()
			.requestInterceptor(loadBalancing)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

	/**
	 * Decodes and validates ID tokens as {@link OidcIdTokenDecoderFactory} does (RS256, issuer,
	 * audience, expiry, the standard claim types), but fetches the keys through the gateway;
	 * that factory cannot be given an HTTP client.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(ServiceHttpClients clients,
			GatewayLoadBalancing loadBalancing) {
		RestTemplate keys = new RestTemplate(clients.requestFactory());
		keys.getInterceptors().add(loadBalancing);
		Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
		return (registration) -> decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.restOperations(keys)
				.build();
			decoder.setJwtValidator(
					new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
			decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
			return decoder;
		});
	}

	@Bean
	ServiceTokens serviceTokens(ClientRegistrationRepository registrations,
			OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient) {
		// Not the session: a service token belongs to this instance, not to a visitor, and is
		// reused until it expires.
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((credentials) -> credentials.accessTokenResponseClient(tokenResponseClient))
			.build());
		return new ServiceTokens(manager, SERVICE_REGISTRATION);
	}

}
