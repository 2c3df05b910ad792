package com.blueprintshop.storefront.account;

import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Identity's user API through the gateway ({@code /api/identity/...}). Creating an account is
 * the storefront's own call (its client-credentials token); reading and changing a profile are
 * the user's (their access token).
 */
@Component
class IdentityClient {

	private final RestClient gateway;

	IdentityClient(RestClient gateway) {
		this.gateway = gateway;
	}

	UserProfile register(SignupForm form, String serviceToken) {
		Registration registration = new Registration(form.getEmail(), form.getDisplayName(), form.getPassword(),
				form.getConfirmPassword());
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/identity/users")
			.headers((headers) -> headers.setBearerAuth(serviceToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body(registration)
			.retrieve()
			.body(UserProfile.class));
	}

	UserProfile me(String userToken) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(userToken))
			.retrieve()
			.body(UserProfile.class));
	}

	UserProfile changeDisplayName(String userToken, String displayName) {
		return GatewayCalls.call(() -> this.gateway.put()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(userToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new DisplayNameChange(displayName))
			.retrieve()
			.body(UserProfile.class));
	}

	record Registration(String email, String displayName, String password, String confirmPassword) {
	}

	record DisplayNameChange(String displayName) {
	}

}
