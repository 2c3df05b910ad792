package com.blueprintshop.defaults;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Throw-away databases on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust). */
public final class TestDatabase {

	private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	private TestDatabase() {
	}

	/** Creates a database with a unique name that starts with {@code prefix}. */
	public static String create(String prefix) {
		String name = prefix.toLowerCase(Locale.ROOT) + "_" + UUID.randomUUID().toString().substring(0, 8);
		admin("create database " + name);
		return name;
	}

	public static void drop(String name) {
		admin("drop database if exists " + name + " with (force)");
	}

	public static String url(String name) {
		return "jdbc:postgresql://127.0.0.1:5432/" + name;
	}

	/**
	 * Drops the database named by the test class's static {@code DATABASE} field. Declared before
	 * {@code @SpringBootTest}, it runs after Spring closed the (dirtied) context, so the service's
	 * connections, relay and broker are gone before the database is.
	 */
	public static final class DropAfterContext implements AfterAllCallback {

		@Override
		public void afterAll(ExtensionContext context) throws Exception {
			Field field = context.getRequiredTestClass().getDeclaredField("DATABASE");
			field.setAccessible(true);
			drop((String) field.get(null));
		}

	}

	private static void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
