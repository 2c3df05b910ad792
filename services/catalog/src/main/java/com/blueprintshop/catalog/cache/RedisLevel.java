package com.blueprintshop.catalog.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The shared level: small strings {@code <stamp>|<json>} under keys that name the key format.
 * Redis is an optimisation here, never a dependency: a failed command counts as a miss, and for
 * {@code skipAfterError} after it the level is skipped altogether, so while Redis is away each
 * request pays one trip to the database instead of a timeout first.
 */
final class RedisLevel {

	private static final Logger log = LoggerFactory.getLogger(RedisLevel.class);

	/**
	 * Compare-and-set on the stamp: a value never replaces one with a higher stamp, so a reader
	 * that loaded a row before a change and writes it after the change's fresh entry cannot make
	 * the change revert. An equal stamp may replace (the same state, re-read).
	 */
	static final RedisScript<Long> SET_UNLESS_NEWER = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current then
			  local stamp = tonumber(string.match(current, '^(-?%d+)|'))
			  if stamp and stamp > tonumber(ARGV[1]) then
			    return 0
			  end
			end
			redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[3])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final Duration skipAfterError;

	private volatile Instant skipUntil = Instant.MIN;

	RedisLevel(StringRedisTemplate redis, Clock clock, Duration skipAfterError) {
		this.redis = redis;
		this.clock = clock;
		this.skipAfterError = skipAfterError;
	}

	/** The raw value, or {@code null} when there is none or Redis cannot be asked now. */
	String get(String key) {
		return call(() -> this.redis.opsForValue().get(key), null);
	}

	/** Whether the value was written (false: a newer one is there, or Redis is away). */
	boolean setUnlessNewer(String key, long stamp, String json, Duration ttl) {
		Long written = call(() -> this.redis.execute(SET_UNLESS_NEWER, List.of(key), Long.toString(stamp), json,
				Long.toString(ttl.toMillis())), 0L);
		return written != null && written == 1L;
	}

	void set(String key, long stamp, String json, Duration ttl) {
		call(() -> {
			this.redis.opsForValue().set(key, stamp + "|" + json, ttl);
			return null;
		}, null);
	}

	void publish(String channel, String message) {
		call(() -> this.redis.convertAndSend(channel, message), null);
	}

	/** Whether commands are sent at all now (false for a while after a failure). */
	boolean available() {
		return !this.clock.instant().isBefore(this.skipUntil);
	}

	private <T> T call(Supplier<T> command, T fallback) {
		if (!available()) {
			return fallback;
		}
		try {
			return command.get();
		}
		catch (RuntimeException ex) {
			// at most one line per window, however many requests were in flight
			this.skipUntil = this.clock.instant().plus(this.skipAfterError);
			log.warn("Redis failed ({}); the catalog skips it for {}", ex.getMessage(), this.skipAfterError);
			return fallback;
		}
	}

}
