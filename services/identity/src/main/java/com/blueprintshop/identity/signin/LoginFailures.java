package com.blueprintshop.identity.signin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code login_failure} table. */
@Repository
class LoginFailures {

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Instant> forEmail(String email, Instant since) {
		return this.jdbc.sql("select failed_at from login_failure where email = ? and failed_at > ?")
			.params(email, utc(since))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	List<Instant> forClientAddress(String clientAddress, Instant since) {
		return this.jdbc.sql("select failed_at from login_failure where client_address = ? and failed_at > ?")
			.params(clientAddress, utc(since))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	void add(String email, String clientAddress, Instant at) {
		this.jdbc.sql("insert into login_failure (email, client_address, failed_at) values (?, ?, ?)")
			.params(email, clientAddress, utc(at))
			.update();
	}

	void deleteForEmail(String email) {
		this.jdbc.sql("delete from login_failure where email = ?").param(email).update();
	}

	void deleteBefore(Instant before) {
		this.jdbc.sql("delete from login_failure where failed_at <= ?").param(utc(before)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
