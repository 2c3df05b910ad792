package com.blueprintshop.identity.authserver;

import java.util.function.Supplier;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.util.function.SingletonSupplier;

/**
 * Creates the JDBC authorization service on first use: its constructor reads column metadata
 * from the database, which would make building the application context (and the ahead-of-time
 * training run, which has no database) depend on a live database.
 */
final class LazyAuthorizationService implements OAuth2AuthorizationService {

	private final SingletonSupplier<OAuth2AuthorizationService> delegate;

	LazyAuthorizationService(Supplier<OAuth2AuthorizationService> delegate) {
		this.delegate = SingletonSupplier.of(delegate);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.delegate.obtain().save(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.obtain().remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.delegate.obtain().findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.delegate.obtain().findByToken(token, tokenType);
	}

}
