package com.blueprintshop.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.blueprintshop.defaults.TestRedis;

/**
 * The Redis level against a real redis-server of the test's own: the compare-and-set that keeps
 * an older entry from replacing a newer one, and skipping Redis for a while after a failure.
 */
class RedisLevelIntegrationTests {

	private static final Duration TTL = Duration.ofMinutes(1);

	private static TestRedis server;

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private final MutableClock clock = new MutableClock();

	@BeforeAll
	static void start() {
		server = TestRedis.start();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void stop() {
		connections.destroy();
		server.stop();
	}

	@Test
	void anOlderVersionWrittenAfterANewerOneDoesNotReplaceIt() {
		RedisLevel level = new RedisLevel(redis, this.clock, Duration.ofSeconds(3));
		String key = "test:" + UUID.randomUUID();
		assertThat(level.setUnlessNewer(key, 7, "{\"price\":\"new\"}", TTL)).isTrue();
		assertThat(level.setUnlessNewer(key, 6, "{\"price\":\"old\"}", TTL)).isFalse();
		assertThat(level.get(key)).isEqualTo("7|{\"price\":\"new\"}");
		assertThat(level.setUnlessNewer(key, 8, "{\"price\":\"newer\"}", TTL)).isTrue();
		assertThat(level.get(key)).isEqualTo("8|{\"price\":\"newer\"}");
		assertThat(redis.getExpire(key)).isPositive();
	}

	@Test
	void anAbsenceIsReplacedByTheEntryOfALaterGeneration() {
		RedisLevel level = new RedisLevel(redis, this.clock, Duration.ofSeconds(3));
		String key = "test:" + UUID.randomUUID();
		assertThat(level.setUnlessNewer(key, 3, "", Duration.ofSeconds(5))).isTrue();
		assertThat(level.setUnlessNewer(key, 4, "{}", TTL)).isTrue();
		assertThat(level.get(key)).isEqualTo("4|{}");
	}

	@Test
	void afterAFailureRedisIsSkippedUntilTheWindowHasPassed() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 9));
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			RedisLevel level = new RedisLevel(new StringRedisTemplate(nowhere), this.clock, Duration.ofSeconds(3));
			assertThat(level.available()).isTrue();
			assertThat(level.get("test:any")).isNull();
			assertThat(level.available()).isFalse();
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(level.available()).isFalse();
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(level.available()).isTrue();
		}
		finally {
			nowhere.destroy();
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
