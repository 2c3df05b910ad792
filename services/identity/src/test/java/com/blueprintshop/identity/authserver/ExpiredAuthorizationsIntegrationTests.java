package com.blueprintshop.identity.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.identity.TestEnvironment;

@SpringBootTest(properties = "eureka.client.enabled=false")
class ExpiredAuthorizationsIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_identity_expiry");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestEnvironment.register(registry, DATABASE);
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabase.drop(DATABASE);
	}

	@Autowired
	ExpiredAuthorizations expiredAuthorizations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesOnlyAuthorizationsWhoseEveryTokenExpiredAWhileAgo() {
		Instant now = Instant.now();
		insert("long-expired", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));
		insert("refresh-still-valid", now.minus(Duration.ofHours(3)), now.plus(Duration.ofHours(5)));
		insert("just-expired", now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)));
		insert("no-tokens-yet", null, null);

		assertThat(this.expiredAuthorizations.deleteExpired()).isEqualTo(1);

		assertThat(this.jdbc.sql("select id from oauth2_authorization order by id").query(String.class).list())
			.containsExactly("just-expired", "no-tokens-yet", "refresh-still-valid");
	}

	private void insert(String id, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt) {
		this.jdbc.sql("""
				insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
				    access_token_expires_at, refresh_token_expires_at)
				values (?, 'client', 'someone', 'authorization_code', ?, ?)
				""").params(id, utc(accessTokenExpiresAt), utc(refreshTokenExpiresAt)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
