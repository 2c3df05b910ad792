package com.blueprintshop.identity.authserver;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Registers the storefront as a client at every start, from configuration, so that a changed
 * secret or redirect URI takes effect on the next (rolling) restart without touching the database.
 */
@Component
class StorefrontClient implements ApplicationRunner {

	static final String CLIENT_ID = "storefront";

	/** Granted to client-credentials tokens only; see {@link ClientOnlyScopes}. */
	static final String USERS_REGISTER = "users.register";

	// one advisory lock id per start-up task that must not run twice at once across instances
	private static final long LOCK = 0x1d_0001L;

	private static final Logger log = LoggerFactory.getLogger(StorefrontClient.class);

	private final RegisteredClientRepository clients;

	private final StorefrontClientProperties properties;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	StorefrontClient(RegisteredClientRepository clients, StorefrontClientProperties properties,
			PasswordEncoder passwordEncoder, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
		this.clients = clients;
		this.properties = properties;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String secret = this.properties.clientSecret();
		if (!StringUtils.hasText(secret)) {
			throw new IllegalStateException("BLUEPRINT_STOREFRONT_CLIENT_SECRET is not set: identity cannot register "
					+ "the storefront client without it. Give identity and the storefront the same secret.");
		}
		if (this.properties.redirectUris().isEmpty()) {
			throw new IllegalStateException("SHOP_IDENTITY_STOREFRONT_REDIRECT_URIS is empty: the storefront client "
					+ "needs at least one redirect URI.");
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK).query(Integer.class).single();
			RegisteredClient existing = this.clients.findByClientId(CLIENT_ID);
			this.clients.save(storefront(existing, secret));
			log.info("{} the {} client with redirect URIs {}", (existing != null) ? "Updated" : "Registered", CLIENT_ID,
					this.properties.redirectUris());
		});
	}

	private RegisteredClient storefront(RegisteredClient existing, String secret) {
		// hashing is deliberately slow: keep the stored hash while it still matches the secret
		String secretHash = (existing != null && existing.getClientSecret() != null
				&& this.passwordEncoder.matches(secret, existing.getClientSecret())) ? existing.getClientSecret()
						: this.passwordEncoder.encode(secret);
		return RegisteredClient.withId((existing != null) ? existing.getId() : UUID.randomUUID().toString())
			.clientId(CLIENT_ID)
			.clientIdIssuedAt((existing != null) ? existing.getClientIdIssuedAt() : this.clock.instant())
			.clientName("Blueprint Shop storefront")
			.clientSecret(secretHash)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.redirectUris((uris) -> uris.addAll(this.properties.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(this.properties.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.scope(USERS_REGISTER)
			// a first-party client: no consent screen, but PKCE even though it is confidential
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(this.properties.accessTokenTimeToLive())
				.refreshTokenTimeToLive(this.properties.refreshTokenTimeToLive())
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

}
