package com.blueprintshop.storefront.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OAuth2ClientConfigurationTests {

	private final OAuth2ClientConfiguration configuration = new OAuth2ClientConfiguration();

	@Test
	void refusesToStartWithoutTheClientSecretAndSaysWhichVariableToSet() {
		assertThatExceptionOfType(MissingClientSecretException.class)
			.isThrownBy(() -> this.configuration.clientRegistrationRepository(identity("")))
			.withMessageContaining("BLUEPRINT_STOREFRONT_CLIENT_SECRET is not set");

		FailureAnalysis analysis = new MissingClientSecretFailureAnalyzer()
			.analyze(new IllegalStateException(new MissingClientSecretException("storefront")));
		assertThat(analysis.getDescription()).contains("BLUEPRINT_STOREFRONT_CLIENT_SECRET is not set");
		assertThat(analysis.getAction()).contains("Set the environment variable BLUEPRINT_STOREFRONT_CLIENT_SECRET");
	}

	@Test
	void registersIdentityForSignInWithFixedEndpointsAndPkce() {
		ClientRegistration users = this.configuration.clientRegistrationRepository(identity("s3cret"))
			.findByRegistrationId("identity");

		assertThat(users.getClientId()).isEqualTo("storefront");
		assertThat(users.getClientSecret()).isEqualTo("s3cret");
		assertThat(users.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(users.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(users.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(users.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
		assertThat(users.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
		assertThat(users.getProviderDetails().getAuthorizationUri()).isEqualTo("/auth/oauth2/authorize");
		assertThat(users.getProviderDetails().getTokenUri()).isEqualTo("http://gateway/auth/oauth2/token");
		assertThat(users.getProviderDetails().getJwkSetUri()).isEqualTo("http://gateway/auth/oauth2/jwks");
		assertThat(users.getProviderDetails().getIssuerUri()).isEqualTo("http://identity");
		assertThat(users.getProviderDetails().getUserInfoEndpoint().getUri()).isNull();
		assertThat(users.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("sub");
		assertThat(users.getProviderDetails().getConfigurationMetadata())
			.containsEntry("end_session_endpoint", "/auth/connect/logout");
	}

	@Test
	void registersTheStorefrontItselfForCreatingAccounts() {
		ClientRegistration service = this.configuration.clientRegistrationRepository(identity("s3cret"))
			.findByRegistrationId("storefront-service");

		assertThat(service.getClientId()).isEqualTo("storefront");
		assertThat(service.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.CLIENT_CREDENTIALS);
		assertThat(service.getScopes()).containsExactly("users.register");
		assertThat(service.getProviderDetails().getTokenUri()).isEqualTo("http://gateway/auth/oauth2/token");
	}

	private static IdentityProviderProperties identity(String secret) {
		return new IdentityProviderProperties("storefront", secret, "http://identity", "/auth/oauth2/authorize",
				"http://gateway/auth/oauth2/token", "http://gateway/auth/oauth2/jwks", "/auth/connect/logout");
	}

}
