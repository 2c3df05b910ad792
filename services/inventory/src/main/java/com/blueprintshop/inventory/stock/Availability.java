package com.blueprintshop.inventory.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many units of each SKU a shopper can still buy: on the product page and the cart, so it is
 * one query (primary-key lookups in {@code sku} and {@code stock}) whatever the number of SKUs.
 * Figures are kept for up to ten seconds ({@link AvailabilityCacheProperties}): product pages
 * and the edge's refreshes of them ask for the same SKUs every couple of seconds, and the figure
 * only advises — a reservation checks the stock itself by compare-and-swap. Every stock change
 * an instance commits evicts its SKUs there at once and, over the Redis channel
 * {@value #CHANNEL}, in every other instance ({@link #forget}); with Redis away the TTL bounds
 * what another instance may miss, and each (re)subscription drops everything kept.
 */
@Component
@EnableConfigurationProperties(AvailabilityCacheProperties.class)
public class Availability implements MessageListener, SubscriptionListener {

	public static final int MAX_SKUS = 100;

	static final String CACHE = "inventory.near.availability";

	/** SKUs whose availability changed, comma-separated (SKU codes contain no comma). */
	public static final String CHANNEL = "inventory:v1:availability-changed";

	private static final Logger log = LoggerFactory.getLogger(Availability.class);

	private final JdbcClient jdbc;

	private final Cache<String, Integer> cache;

	private final StringRedisTemplate redis;

	Availability(JdbcClient jdbc, AvailabilityCacheProperties properties, MeterRegistry registry,
			StringRedisTemplate redis) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.cache = properties.enabled() ? CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
			.maximumSize(properties.maximumSize())
			.expireAfterWrite(properties.ttl())
			.recordStats()
			.<String, Integer>build(), CACHE) : null;
	}

	/** One entry per SKU asked for, in the order asked; unknown or retired SKUs have 0. */
	public List<Available> of(List<String> skus) {
		if (this.cache == null) {
			return query(skus);
		}
		Map<String, Integer> known = this.cache.getAll(new LinkedHashSet<>(skus), (missing) -> {
			Map<String, Integer> loaded = new java.util.HashMap<>();
			query(new ArrayList<>(missing)).forEach((a) -> loaded.put(a.sku(), a.available()));
			return loaded;
		});
		return skus.stream().map((sku) -> new Available(sku, known.getOrDefault(sku, 0))).toList();
	}

	/**
	 * Drops these SKUs' figures, once the transaction that changed them commits (not before, or a
	 * reader could put the old figure back while it is still open); at once outside a transaction.
	 */
	public void forget(Collection<String> skus) {
		if (this.cache == null || skus.isEmpty()) {
			return;
		}
		List<String> evicted = List.copyOf(skus);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					evictEverywhere(evicted);
				}
			});
		}
		else {
			evictEverywhere(evicted);
		}
	}

	private void evictEverywhere(List<String> skus) {
		this.cache.invalidateAll(skus);
		// off the committing thread: a Redis that does not answer must not hold up a stock change
		Thread.ofVirtual().name("availability-invalidation").start(() -> {
			try {
				this.redis.convertAndSend(CHANNEL, String.join(",", skus));
			}
			catch (RuntimeException ex) {
				log.debug("Could not tell the other instances that {} SKUs changed: {}", skus.size(), ex.toString());
			}
		});
	}

	/** Another instance (or this one) committed a change to these SKUs. */
	@Override
	public void onMessage(Message message, byte[] pattern) {
		if (this.cache != null) {
			this.cache.invalidateAll(List.of(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8).split(",")));
		}
	}

	/** Whatever was published while this instance was not subscribed is unknown: forget it all. */
	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
	}

	private List<Available> query(List<String> skus) {
		return this.jdbc.sql("""
				select q.sku,
				       case when k.active
				            then coalesce((select sum(s.on_hand - s.reserved) from stock s where s.sku = q.sku), 0)
				            else 0 end as available
				from unnest(cast(array[:skus] as text[])) with ordinality as q (sku, position)
				left join sku k on k.sku = q.sku
				order by q.position
				""")
			.param("skus", skus)
			.query((rs, n) -> new Available(rs.getString("sku"), rs.getInt("available")))
			.list();
	}

	/**
	 * @param sku the SKU
	 * @param available units on hand and not held for an order, over all warehouses
	 */
	public record Available(String sku, int available) {
	}

}
