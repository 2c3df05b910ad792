package com.blueprintshop.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tactics that can be switched off for a run ({@code ./blueprint up --without <tactic>}) so
 * that the performance lab can measure what each one buys ({@code ./blueprint load --ablate}).
 * Each says which components it changes and the environment that switches it off there; a run
 * remembers its ablations, so a restarted component keeps them.
 */
enum Tactic {

	/**
	 * Checkout runs the saga inside the request (REST to inventory and payment) instead of through
	 * Kafka. Each step is bounded to 5 s (15 s asynchronously) so that a checkout that waits on both
	 * steps and both compensations still ends within the gateway's 25 s for order.
	 */
	ASYNC_CHECKOUT("async-checkout", "checkout runs the saga synchronously, answering 201 once the order is settled",
			Set.of("order"), Map.of("SHOP_ORDER_CHECKOUT_MODE", "sync", "SHOP_ORDER_SAGA_STOCK_TIMEOUT", "5s",
					"SHOP_ORDER_SAGA_PAYMENT_TIMEOUT", "5s")),

	/**
	 * Every service gets two database connections instead of a pool of ten. Not one: identity
	 * needs two at once while it starts (a transaction holds one while a bean it creates asks for
	 * another), and with a single connection it waits for itself until the pool times out — the
	 * course's pool-size deadlock, which this switch would otherwise only demonstrate.
	 */
	DB_POOL("db-pool", "every service gets 2 database connections instead of a pool of 10",
			Set.of("identity", "catalog", "inventory", "order", "payment", "notification", "analytics"),
			Map.of("BLUEPRINT_DB_POOL_SIZE", "2")),

	/**
	 * HTTP validators and freshness: no ETag, no 304, and pages and catalog API answers marked
	 * {@code no-cache}, so neither browsers nor the edge keep anything dynamic.
	 */
	HTTP_CACHE("http-cache", "no ETag, no 304, nothing dynamic cacheable by browsers or the edge",
			Set.of("storefront", "catalog"), Map.of("SHOP_HTTP_CACHE_ENABLED", "false")),

	/** The edge's micro-cache of anonymous pages and its cache of product images. */
	EDGE_CACHE("edge-cache", "the edge keeps no pages or images: every request goes to a storefront or the gateway",
			Set.of(), Map.of()),

	/** The per-instance Caffeine caches: catalog's in front of Redis, inventory's of availability. */
	NEAR_CACHE("near-cache",
			"catalog reads skip the in-process cache and go to Redis (then PostgreSQL); inventory queries availability each time",
			Set.of("catalog", "inventory"),
			Map.of("SHOP_CATALOG_CACHE_NEAR_ENABLED", "false", "SHOP_INVENTORY_AVAILABILITY_CACHE_ENABLED", "false")),

	/** Catalog's shared Redis cache behind the near cache. */
	REDIS_CACHE("redis-cache", "catalog reads skip the shared Redis cache: a near-cache miss goes to PostgreSQL",
			Set.of("catalog"), Map.of("SHOP_CATALOG_CACHE_REDIS_ENABLED", "false"));

	private final String id;

	private final String description;

	private final Set<String> apps;

	private final Map<String, String> environment;

	Tactic(String id, String description, Set<String> apps, Map<String, String> environment) {
		this.id = id;
		this.description = description;
		this.apps = apps;
		this.environment = environment;
	}

	String id() {
		return this.id;
	}

	String description() {
		return this.description;
	}

	boolean changes(ComponentSpec spec) {
		if (spec.kind() == Kind.EDGE) {
			return this == EDGE_CACHE;
		}
		return spec.app().map(this.apps::contains).orElse(false);
	}

	/** Whether switching it means rewriting the edge's configuration and reloading nginx. */
	boolean changesEdge() {
		return this == EDGE_CACHE;
	}

	Map<String, String> environment() {
		return this.environment;
	}

	/** The tactic named {@code id} as typed ({@code async-checkout}); picocli uses it to convert options. */
	static Tactic of(String id) {
		for (Tactic tactic : values()) {
			if (tactic.id.equals(id.toLowerCase(Locale.ROOT))) {
				return tactic;
			}
		}
		throw new IllegalArgumentException("unknown tactic '" + id + "'; the tactics that can be switched off are "
				+ String.join(", ", java.util.Arrays.stream(values()).map(Tactic::id).toList()));
	}

}
