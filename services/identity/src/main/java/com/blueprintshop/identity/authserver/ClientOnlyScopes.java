package com.blueprintshop.identity.authserver;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;

/**
 * Scopes a client holds for itself and must never obtain on a person's behalf. The storefront
 * may register accounts with its own (client-credentials) token; without this check a signed-in
 * person could ask the authorization endpoint for {@code users.register} too, since the client is
 * allowed the scope and there is no consent screen to stop it.
 */
final class ClientOnlyScopes {

	static final Set<String> SCOPES = Set.of(StorefrontClient.USERS_REGISTER);

	private ClientOnlyScopes() {
	}

	static void applyTo(List<AuthenticationProvider> providers) {
		for (AuthenticationProvider provider : providers) {
			if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
				codeRequests.setAuthenticationValidator(
						new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(ClientOnlyScopes::reject));
			}
		}
	}

	private static void reject(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		if (request.getScopes().stream().anyMatch(SCOPES::contains)) {
			OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"Scope " + SCOPES + " is only granted to clients, not to users.", null);
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, request);
		}
	}

}
