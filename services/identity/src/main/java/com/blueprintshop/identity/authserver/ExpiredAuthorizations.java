package com.blueprintshop.identity.authserver;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes authorizations whose every token has expired: the authorization server never does,
 * and the table would otherwise grow with every sign-in. A margin keeps them a while longer, as
 * logout still accepts an expired ID token as its hint. Every instance may run this; the delete is
 * idempotent.
 */
@Component
class ExpiredAuthorizations {

	private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

	private static final Duration MARGIN = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	ExpiredAuthorizations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT15M")
	int deleteExpired() {
		int deleted = this.jdbc.sql("""
				delete from oauth2_authorization
				where greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
				               oidc_id_token_expires_at) < ?
				""").param(this.clock.instant().minus(MARGIN).atOffset(ZoneOffset.UTC)).update();
		if (deleted > 0) {
			log.info("Deleted {} expired authorizations", deleted);
		}
		return deleted;
	}

}
