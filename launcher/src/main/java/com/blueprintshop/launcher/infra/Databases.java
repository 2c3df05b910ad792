package com.blueprintshop.launcher.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Gives each service a login role and a database it owns, on a PostgreSQL server reached as an
 * administrator. Idempotent: a role that exists gets its password (re)set to the one this
 * installation generated, a database that exists keeps its data and gets the role as its owner.
 */
public final class Databases {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private Databases() {
	}

	/**
	 * Creates {@code pg_stat_statements} in the database {@code admin} is connected to, where the
	 * server preloads it (the launcher's own PostgreSQL does; a machine's may not). Its view counts
	 * the statements of every database. @return whether the view is there
	 */
	public static boolean enableStatementStatistics(Connection admin) throws SQLException {
		try (java.sql.Statement statement = admin.createStatement();
				java.sql.ResultSet preload = statement.executeQuery("show shared_preload_libraries")) {
			if (!preload.next() || !preload.getString(1).contains("pg_stat_statements")) {
				return false;
			}
		}
		try (java.sql.Statement statement = admin.createStatement()) {
			statement.execute("create extension if not exists pg_stat_statements");
		}
		return true;
	}

	public static void ensureRoleAndDatabase(Connection admin, String name, String password) throws SQLException {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
		}
		// DDL takes no bind parameters; the name is checked above and the literal escaped here
		String role = quoted(name);
		String passwordLiteral = "'" + password.replace("'", "''") + "'";
		try (Statement statement = admin.createStatement()) {
			if (exists(admin, "select 1 from pg_roles where rolname = ?", name)) {
				statement.execute("alter role " + role + " with login password " + passwordLiteral);
			}
			else {
				statement.execute("create role " + role + " with login password " + passwordLiteral);
			}
			if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
				statement.execute("create database " + role + " owner " + role + " encoding 'UTF8' template template0");
			}
			else if (!exists(admin, "select 1 from pg_database where datname = ? and pg_get_userbyid(datdba) = datname",
					name)) {
				// created by someone else (a test, a person): the service must own it to run its migrations
				statement.execute("alter database " + role + " owner to " + role);
			}
			// a service connects to its own database only
			statement.execute("revoke all on database " + role + " from public");
		}
	}

	public static void drop(Connection admin, String name) throws SQLException {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
		}
		try (Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + quoted(name) + " with (force)");
			statement.execute("drop role if exists " + quoted(name));
		}
	}

	private static String quoted(String identifier) {
		return '"' + identifier + '"';
	}

	static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

}
