package com.blueprintshop.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A throw-away database on the machine's PostgreSQL, and the machine's Redis. */
public final class TestDatabase {

	private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	static final String REDIS_URL = "redis://127.0.0.1:6379";

	static final String STOREFRONT_SECRET = "test-storefront-secret";

	private TestDatabase() {
	}

	public static String create(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
		admin("create database " + name);
		return name;
	}

	static String url(String database) {
		return "jdbc:postgresql://127.0.0.1:5432/" + database;
	}

	/** Points the application at the database and Redis, and gives it the storefront's secret. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.datasource.url", () -> url(database));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.data.redis.url", () -> REDIS_URL);
		registry.add("shop.identity.storefront.client-secret", () -> STOREFRONT_SECRET);
	}

	public static void drop(String database) {
		admin("drop database if exists " + database + " with (force)");
	}

	private static void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed", ex);
		}
	}

}
