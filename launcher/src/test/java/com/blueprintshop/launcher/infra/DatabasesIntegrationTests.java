package com.blueprintshop.launcher.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Against the machine's own PostgreSQL at 127.0.0.1:5432 (user postgres, trusted locally). */
class DatabasesIntegrationTests {

	private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private final String name = "bp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private Connection admin;

	@BeforeEach
	void connect() throws SQLException {
		this.admin = DriverManager.getConnection(ADMIN_URL, "postgres", null);
	}

	@AfterEach
	void dropAndDisconnect() throws SQLException {
		Databases.drop(this.admin, this.name);
		this.admin.close();
	}

	@Test
	void createsALoginRoleThatOwnsItsDatabase() throws SQLException {
		Databases.ensureRoleAndDatabase(this.admin, this.name, "first-S3cret");

		try (Connection service = connectAs(this.name, "first-S3cret");
				Statement statement = service.createStatement();
				ResultSet result = statement.executeQuery(
						"select current_user, current_database(), (select pg_get_userbyid(datdba) from pg_database where datname = current_database())")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(this.name);
			assertThat(result.getString(2)).isEqualTo(this.name);
			assertThat(result.getString(3)).isEqualTo(this.name);
			statement.execute("create table owned_here (id bigint primary key)");
		}
	}

	@Test
	void isIdempotentAndMovesTheRoleToTheNewPassword() throws Exception {
		Databases.ensureRoleAndDatabase(this.admin, this.name, "first-S3cret");
		assertThat(scramMatches(storedVerifier(), "first-S3cret")).isTrue();

		Databases.ensureRoleAndDatabase(this.admin, this.name, "second-S3cret");

		// the machine's server trusts local connections, so the stored verifier is checked instead of a login
		assertThat(scramMatches(storedVerifier(), "second-S3cret")).isTrue();
		assertThat(scramMatches(storedVerifier(), "first-S3cret")).isFalse();
		assertThat(Databases.exists(this.admin, "select 1 from pg_database where datname = ?", this.name)).isTrue();
	}

	@Test
	void takesOverADatabaseSomeoneElseCreated() throws SQLException {
		try (Statement statement = this.admin.createStatement()) {
			statement.execute("create database " + this.name);
		}

		Databases.ensureRoleAndDatabase(this.admin, this.name, "first-S3cret");

		try (Statement statement = this.admin.createStatement();
				ResultSet result = statement.executeQuery(
						"select pg_get_userbyid(datdba) from pg_database where datname = '" + this.name + "'")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(this.name);
		}
	}

	@Test
	void keepsOtherRolesOutOfTheDatabase() throws SQLException {
		Databases.ensureRoleAndDatabase(this.admin, this.name, "first-S3cret");

		try (Statement statement = this.admin.createStatement();
				ResultSet result = statement.executeQuery(
						"select has_database_privilege('public', '" + this.name + "', 'CONNECT')")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getBoolean(1)).isFalse();
		}
	}

	@Test
	void refusesNamesThatAreNotPlainIdentifiers() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Databases.ensureRoleAndDatabase(this.admin, "bp_x; drop database postgres", "x"));
	}

	private String storedVerifier() throws SQLException {
		try (Statement statement = this.admin.createStatement();
				ResultSet result = statement
					.executeQuery("select rolpassword from pg_authid where rolcanlogin and rolname = '" + this.name + "'")) {
			assertThat(result.next()).as("a login role " + this.name).isTrue();
			return result.getString(1);
		}
	}

	/** Checks a {@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey} verifier against a password (RFC 5802). */
	private static boolean scramMatches(String verifier, String password) throws Exception {
		String[] parts = verifier.split("[$:]");
		assertThat(parts[0]).isEqualTo("SCRAM-SHA-256");
		int iterations = Integer.parseInt(parts[1]);
		byte[] salt = Base64.getDecoder().decode(parts[2]);
		byte[] storedKey = Base64.getDecoder().decode(parts[3]);
		byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
			.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
			.getEncoded();
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
		byte[] clientKey = hmac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), storedKey);
	}

	private static Connection connectAs(String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + user, properties);
	}

}
