package com.blueprintshop.catalog.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog's read cache ({@code shop.catalog.cache.*}): a near cache in each instance over a
 * shared Redis cache. Either level can be switched off (the ablation lab does), reads then go
 * straight to the next level; invalidation stays correct either way.
 *
 * @param near the per-instance level
 * @param redis the shared level
 * @param negativeTtl how long both levels remember that a slug or id names no product
 */
@ConfigurationProperties("shop.catalog.cache")
public record CacheProperties(@DefaultValue Near near, @DefaultValue Redis redis,
		@DefaultValue("5s") Duration negativeTtl) {

	/**
	 * @param enabled env {@code SHOP_CATALOG_CACHE_NEAR_ENABLED}
	 * @param maximumSize entries per near cache
	 * @param ttl the safety bound on staleness should an invalidation message be missed
	 */
	public record Near(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long maximumSize,
			@DefaultValue("5s") Duration ttl) {
	}

	/**
	 * @param enabled env {@code SHOP_CATALOG_CACHE_REDIS_ENABLED}
	 * @param ttl how long an entry lives in Redis
	 * @param keyPrefix names the key format; a change of the entries' shape gets a new one
	 * @param channel the pub/sub channel invalidations go out on
	 * @param skipAfterError after a failed Redis command, the cache goes to the database directly
	 * this long, so that requests do not each wait for a timeout while Redis is away
	 */
	public record Redis(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration ttl,
			@DefaultValue("catalog:v1:") String keyPrefix, @DefaultValue("catalog:v1:invalidations") String channel,
			@DefaultValue("3s") Duration skipAfterError) {
	}

}
