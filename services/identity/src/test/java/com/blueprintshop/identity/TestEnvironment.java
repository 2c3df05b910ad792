package com.blueprintshop.identity;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.blueprintshop.defaults.TestDatabase;

/**
 * Identity's own test setting: the machine's Redis and the storefront's client secret, next to a
 * throw-away database from {@link TestDatabase}.
 */
public final class TestEnvironment {

	static final String REDIS_URL = "redis://127.0.0.1:6379";

	static final String STOREFRONT_SECRET = "test-storefront-secret";

	private TestEnvironment() {
	}

	/** Points the application at the database and Redis, and gives it the storefront's secret. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(database));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.data.redis.url", () -> REDIS_URL);
		registry.add("shop.identity.storefront.client-secret", () -> STOREFRONT_SECRET);
	}

}
