package com.blueprintshop.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestRedis;
import com.blueprintshop.defaults.TestInstances;
import com.blueprintshop.inventory.InventoryApplication;
import com.blueprintshop.inventory.TestStock;
import com.blueprintshop.inventory.reservation.Line;
import com.blueprintshop.inventory.reservation.Reservations;

/**
 * Two inventory instances over one database and a redis-server of the test's own, their
 * availability kept ten minutes here: only the invalidation on the Redis channel can explain a
 * change made through one showing on the other.
 */
class AvailabilityAcrossInstancesIntegrationTests {

	/** A correctness bound, not a timing target. */
	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final String DATABASE = TestDatabase.create("bp_inventory_across_test");

	private static TestRedis redis;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static RedisClient probe;

	@BeforeAll
	static void start() {
		redis = TestRedis.start();
		a = instance();
		b = instance();
		probe = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = probe.connect()) {
			await(() -> connection.sync().pubsubNumsub(Availability.CHANNEL).getOrDefault(Availability.CHANNEL, 0L) == 2,
					"both instances subscribed to " + Availability.CHANNEL);
		}
	}

	@AfterAll
	static void stop() {
		if (probe != null) {
			probe.shutdown();
		}
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (redis != null) {
			redis.stop();
		}
		TestDatabase.drop(DATABASE);
	}

	@Test
	void aReservationThroughOneInstanceShowsInTheOthersAvailability() {
		TestStock.sku(a.getBean(JdbcClient.class), "ACROSS-LAMP", 10, null);
		assertThat(available(b, "ACROSS-LAMP")).isEqualTo(10);
		assertThat(available(b, "ACROSS-LAMP")).as("kept by B").isEqualTo(10);

		a.getBean(Reservations.class).reserve(UUID.randomUUID(), List.of(new Line("ACROSS-LAMP", 4)));

		assertThat(available(a, "ACROSS-LAMP")).as("the changing instance, at once").isEqualTo(6);
		await(() -> available(b, "ACROSS-LAMP") == 6, "instance B sees the reservation");
		for (int i = 0; i < 20; i++) {
			assertThat(available(b, "ACROSS-LAMP")).isEqualTo(6);
		}
	}

	private static int available(ConfigurableApplicationContext instance, String sku) {
		return instance.getBean(Availability.class).of(List.of(sku)).getFirst().available();
	}

	private static ConfigurableApplicationContext instance() {
		Map<String, Object> properties = new HashMap<>(Map.of("server.port", "0", "eureka.client.enabled", "false",
				"spring.datasource.url", TestDatabase.url(DATABASE), "spring.datasource.username", "postgres",
				"spring.kafka.bootstrap-servers", "127.0.0.1:9", "shop.inventory.catalog-url", "http://127.0.0.1:9",
				"spring.data.redis.url", redis.url(), "shop.inventory.availability-cache.ttl", "10m"));
		properties.put("shop.inventory.seed.initial-backoff", "50ms");
		properties.put("shop.inventory.seed.max-backoff", "200ms");
		return TestInstances.start(InventoryApplication.class, properties);
	}

	private static void await(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + " within " + BOUND);
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

}
