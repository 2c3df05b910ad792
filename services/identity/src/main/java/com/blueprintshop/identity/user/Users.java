package com.blueprintshop.identity.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. */
@Repository
public class Users {

	private static final String COLUMNS = "id, email, display_name, password_hash, roles, created_at, updated_at";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<User> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where id = ?")
			.param(id)
			.query(Users::map)
			.optional();
	}

	/** Case-insensitive, through the unique index on {@code lower(email)}. */
	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where lower(email) = lower(?)")
			.param(EmailAddresses.normalize(email))
			.query(Users::map)
			.optional();
	}

	/** @throws org.springframework.dao.DuplicateKeyException if the e-mail is taken */
	void insert(User user) {
		this.jdbc.sql("""
				insert into app_user (id, email, display_name, password_hash, roles, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(user.id(), user.email(), user.displayName(), user.passwordHash(), roleNames(user.roles()),
					user.createdAt().atOffset(ZoneOffset.UTC),
					user.updatedAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	Optional<User> updateDisplayName(UUID id, String displayName, Instant now) {
		return this.jdbc.sql("update app_user set display_name = ?, updated_at = ? where id = ? returning " + COLUMNS)
			.params(displayName, now.atOffset(ZoneOffset.UTC), id)
			.query(Users::map)
			.optional();
	}

	private static String[] roleNames(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toArray(String[]::new);
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), roles(rs.getArray("roles")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
		return roles;
	}

}
