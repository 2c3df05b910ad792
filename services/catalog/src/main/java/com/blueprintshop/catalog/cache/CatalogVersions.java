package com.blueprintshop.catalog.cache;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalog generation (table {@code catalog_version}): read through the caches on every
 * request that builds a key or an ETag from it, bumped in the transaction of every staff change.
 */
@Service
public class CatalogVersions {

	private static final String KEY = "current";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Caches caches;

	private final TwoLevelCache<CatalogVersion> cache;

	CatalogVersions(JdbcClient jdbc, Clock clock, Caches caches) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.caches = caches;
		this.cache = caches.stamped("version", CatalogVersion.class);
		// every invalidation follows a change, so every one of them makes the version stale
		caches.onInvalidation((message) -> this.cache.evictNear(KEY));
	}

	public CatalogVersion current() {
		return this.cache.get(KEY, Long.MIN_VALUE, () -> {
			CatalogVersion version = load();
			return new Stamped<>(version.version(), version);
		}).value();
	}

	/**
	 * The next generation, in the caller's transaction; {@code productId} is the product changed
	 * (stamped with it), {@code null} for a category change. Once the transaction commits, the new
	 * generation is written to Redis and every instance told.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long bump(UUID productId) {
		CatalogVersion next = this.jdbc.sql("""
				update catalog_version set version = version + 1, changed_at = :now,
				       categories_version = case when :category then version + 1 else categories_version end
				returning version, changed_at, categories_version
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("category", productId == null)
			.query((rs, n) -> new CatalogVersion(rs.getLong("version"), rs.getTimestamp("changed_at").toInstant(),
					rs.getLong("categories_version")))
			.single();
		if (productId != null) {
			this.jdbc.sql("update product set generation = :generation where id = :id")
				.param("generation", next.version())
				.param("id", productId)
				.update();
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				CatalogVersions.this.cache.putFresh(KEY, new Stamped<>(next.version(), next));
				CatalogVersions.this.caches.publish("v|" + next.version());
			}
		});
		return next.version();
	}

	private CatalogVersion load() {
		return this.jdbc.sql("select version, changed_at, categories_version from catalog_version")
			.query((rs, n) -> new CatalogVersion(rs.getLong("version"), rs.getTimestamp("changed_at").toInstant(),
					rs.getLong("categories_version")))
			.single();
	}

}
