package com.blueprintshop.identity.authserver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import com.blueprintshop.identity.user.Role;
import com.blueprintshop.identity.user.User;
import com.blueprintshop.identity.user.Users;

/**
 * The claims resource servers and the storefront rely on: {@code email} and {@code roles} in
 * access tokens, and {@code name}, {@code email}, {@code roles} in ID tokens. They are read from
 * the database each time a token is issued, so a refresh picks up a changed role or name.
 * Client-credentials tokens act for the client itself: their subject is the client id and they
 * carry no roles.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final Users users;

	TokenClaims(Users users) {
		this.users = users;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = ID_TOKEN.equals(context.getTokenType());
		if (!accessToken && !idToken) {
			return;
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			context.getClaims().claim("roles", new ArrayList<String>());
			return;
		}
		User user = user(context.getPrincipal().getName());
		// ArrayList, not an immutable list: the claims are stored with the authorization as JSON with
		// type ids, and the authorization server reads back only allow-listed collection types
		List<String> roles = user.roles().stream().sorted().map(Role::name).collect(Collectors.toCollection(ArrayList::new));
		context.getClaims().claim("email", user.email()).claim("roles", roles);
		if (idToken) {
			context.getClaims().claim("name", user.displayName());
		}
	}

	private User user(String subject) {
		UUID id;
		try {
			id = UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			throw noAccount();
		}
		return this.users.findById(id).orElseThrow(TokenClaims::noAccount);
	}

	// the account was deleted after the grant: no token may be issued for it any more
	private static OAuth2AuthenticationException noAccount() {
		return new OAuth2AuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account no longer exists", null),
				OAuth2ParameterNames.CODE);
	}

}
