package com.blueprintshop.catalog.cache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes the catalog's caches and carries their invalidations. Metrics, per cache
 * {@code <name>}: {@code cache.gets{cache=catalog.near.<name>,result=hit|miss}} (Caffeine's
 * statistics), {@code cache.gets{cache=catalog.redis.<name>,result=hit|miss}} and
 * {@code catalog.cache.loads{cache=<name>}}, the loads that reached the database.
 *
 * <p>Invalidations go out on one Redis channel as short text messages; every instance (the
 * sender too) hands each one to the handlers registered with {@link #onInvalidation}. While
 * Redis is away messages are lost, and the near caches' TTL bounds how stale an instance can be;
 * when the subscription is (re-)established every near cache is cleared, so nothing missed
 * meanwhile outlives the outage.
 */
public final class Caches implements MessageListener, SubscriptionListener {

	private static final Logger log = LoggerFactory.getLogger(Caches.class);

	private final CacheProperties properties;

	private final RedisLevel redis;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Supplier<String> keyPrefix;

	private final List<TwoLevelCache<?>> caches = new CopyOnWriteArrayList<>();

	private final List<Consumer<String>> handlers = new CopyOnWriteArrayList<>();

	Caches(CacheProperties properties, StringRedisTemplate template, Clock clock, JsonMapper json,
			MeterRegistry meters, JdbcClient jdbc) {
		this.properties = properties;
		this.redis = new RedisLevel(template, clock, properties.redis().skipAfterError());
		this.json = json;
		this.meters = meters;
		// the database's epoch (V4__catalog_version.sql) is part of every key
		this.keyPrefix = SingletonSupplier.of(() -> properties.redis().keyPrefix()
				+ jdbc.sql("select epoch from catalog_version").query(String.class).single() + ":");
	}

	/** A cache whose entries change in place and are ordered by their stamps. */
	public <V> TwoLevelCache<V> stamped(String name, Class<V> type) {
		return create(name, this.json.constructType(type), true);
	}

	/** A cache keyed by the catalog generation: its entries never change. */
	public <V> TwoLevelCache<V> generational(String name, TypeReference<V> type) {
		return create(name, this.json.getTypeFactory().constructType(type), false);
	}

	/** Runs {@code handler} for every invalidation message any instance publishes. */
	public void onInvalidation(Consumer<String> handler) {
		this.handlers.add(handler);
	}

	/** Tells every instance (this one included), when Redis is reachable. */
	public void publish(String message) {
		this.redis.publish(this.properties.redis().channel(), message);
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String text = new String(message.getBody(), StandardCharsets.UTF_8);
		for (Consumer<String> handler : this.handlers) {
			handler.accept(text);
		}
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		log.info("Subscribed to catalog cache invalidations; clearing the near caches");
		this.caches.forEach(TwoLevelCache::evictAllNear);
	}

	String channel() {
		return this.properties.redis().channel();
	}

	private <V> TwoLevelCache<V> create(String name, JavaType type, boolean stamped) {
		Cache<String, Stamped<V>> near = null;
		if (this.properties.near().enabled()) {
			Duration ttl = this.properties.near().ttl();
			Duration negative = min(ttl, this.properties.negativeTtl());
			near = Caffeine.newBuilder()
				.maximumSize(this.properties.near().maximumSize())
				.expireAfter(Expiry.<String, Stamped<V>>writing((key, entry) -> entry.absent() ? negative : ttl))
				.recordStats()
				.build();
			CaffeineCacheMetrics.monitor(this.meters, near, "catalog.near." + name);
		}
		boolean redisEnabled = this.properties.redis().enabled();
		Counter hits = Counter.builder("cache.gets")
			.tags("cache", "catalog.redis." + name, "result", "hit")
			.description("The number of times cache lookup methods have returned a cached value.")
			.register(this.meters);
		Counter misses = Counter.builder("cache.gets")
			.tags("cache", "catalog.redis." + name, "result", "miss")
			.description("the number of times cache lookup methods have returned an uncached (newly loaded) value, or null")
			.register(this.meters);
		Counter loads = Counter.builder("catalog.cache.loads")
			.tag("cache", name)
			.description("Cache misses that were loaded from the database")
			.register(this.meters);
		TwoLevelCache<V> cache = new TwoLevelCache<>(name, near, redisEnabled ? this.redis : null, this.keyPrefix,
				this.json, type, stamped, this.properties.redis().ttl(), this.properties.negativeTtl(), hits, misses,
				loads);
		this.caches.add(cache);
		return cache;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
