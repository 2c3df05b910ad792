package com.blueprintshop.catalog.cache;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside over two levels: a near cache in this instance (Caffeine, which also makes
 * concurrent misses of one key wait for a single load), then Redis, then the loader (the
 * database). Spring's cache abstraction is not used because entries here carry a stamp, and
 * Redis is written with a compare-and-set on it.
 *
 * <p>A <em>stamped</em> cache holds entries that change in place (a product by id): a read
 * passes the least stamp still valid, and older entries at either level count as misses. A
 * <em>generational</em> cache is keyed by the catalog generation, so its entries never change
 * and no stamp is compared.
 *
 * @param <V> the value type, stored as JSON
 */
public final class TwoLevelCache<V> {

	private final String name;

	private final Cache<String, Stamped<V>> near;

	private final RedisLevel redis;

	private final Supplier<String> keyPrefix;

	private final JsonMapper json;

	private final JavaType type;

	private final boolean stamped;

	private final Duration redisTtl;

	private final Duration negativeTtl;

	private final Counter redisHits;

	private final Counter redisMisses;

	private final Counter loads;

	TwoLevelCache(String name, Cache<String, Stamped<V>> near, RedisLevel redis, Supplier<String> keyPrefix,
			JsonMapper json, JavaType type, boolean stamped, Duration redisTtl, Duration negativeTtl,
			Counter redisHits, Counter redisMisses, Counter loads) {
		this.name = name;
		this.near = near;
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.json = json;
		this.type = type;
		this.stamped = stamped;
		this.redisTtl = redisTtl;
		this.negativeTtl = negativeTtl;
		this.redisHits = redisHits;
		this.redisMisses = redisMisses;
		this.loads = loads;
	}

	/** The entry of a generational cache (the key names the generation). */
	public Stamped<V> get(String key, Supplier<Stamped<V>> loader) {
		return get(key, Long.MIN_VALUE, loader);
	}

	/** The entry for {@code key}, with a stamp of at least {@code minStamp}. */
	public Stamped<V> get(String key, long minStamp, Supplier<Stamped<V>> loader) {
		if (this.near == null) {
			return fromRedisOrLoad(key, minStamp, loader);
		}
		Stamped<V> entry = this.near.get(key, (k) -> fromRedisOrLoad(k, minStamp, loader));
		if (entry.stamp() < minStamp) {
			this.near.asMap().remove(key, entry);
			entry = this.near.get(key, (k) -> fromRedisOrLoad(k, minStamp, loader));
		}
		return entry;
	}

	/**
	 * Writes an entry fresh from a committed change to Redis (unless a newer one is there) and
	 * drops this instance's near copy; the other instances drop theirs on the invalidation message.
	 */
	public void putFresh(String key, Stamped<V> entry) {
		if (this.redis != null) {
			write(redisKey(key), entry);
		}
		evictNear(key);
	}

	public void evictNear(String key) {
		if (this.near != null) {
			this.near.invalidate(key);
		}
	}

	public void evictAllNear() {
		if (this.near != null) {
			this.near.invalidateAll();
		}
	}

	String name() {
		return this.name;
	}

	private Stamped<V> fromRedisOrLoad(String key, long minStamp, Supplier<Stamped<V>> loader) {
		String redisKey = null;
		if (this.redis != null && this.redis.available()) {
			redisKey = redisKey(key);
			String raw = this.redis.get(redisKey);
			Stamped<V> cached = (raw != null) ? decode(raw) : null;
			if (cached != null && cached.stamp() >= minStamp) {
				this.redisHits.increment();
				return cached;
			}
			this.redisMisses.increment();
		}
		this.loads.increment();
		Stamped<V> loaded = loader.get();
		if (redisKey != null) {
			write(redisKey, loaded);
		}
		return loaded;
	}

	private void write(String redisKey, Stamped<V> entry) {
		String value = (entry.value() != null) ? this.json.writeValueAsString(entry.value()) : "";
		Duration ttl = entry.absent() ? this.negativeTtl : this.redisTtl;
		if (this.stamped) {
			this.redis.setUnlessNewer(redisKey, entry.stamp(), value, ttl);
		}
		else {
			this.redis.set(redisKey, entry.stamp(), value, ttl);
		}
	}

	private String redisKey(String key) {
		return this.keyPrefix.get() + this.name + ":" + key;
	}

	private Stamped<V> decode(String raw) {
		int bar = raw.indexOf('|');
		if (bar < 0) {
			return null;
		}
		try {
			long stamp = Long.parseLong(raw, 0, bar, 10);
			String value = raw.substring(bar + 1);
			return new Stamped<>(stamp, value.isEmpty() ? null : this.json.readValue(value, this.type));
		}
		catch (RuntimeException ex) {
			// not this format (the key prefix names it, so only by mistake): a miss, overwritten
			return null;
		}
	}

}
