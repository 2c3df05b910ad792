package com.blueprintshop.catalog.product;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.CatalogVersions;
import com.blueprintshop.catalog.cache.Caches;
import com.blueprintshop.catalog.cache.Stamped;
import com.blueprintshop.catalog.cache.TwoLevelCache;
import com.blueprintshop.catalog.events.CatalogChanged;
import com.blueprintshop.catalog.system.Page;
import com.blueprintshop.catalog.system.PageRequest;
import com.blueprintshop.catalog.system.Slugs;
import com.blueprintshop.catalog.system.Texts;

/**
 * Product reads through the caches. Outside any transaction on purpose: a hit takes no database
 * connection; a miss runs {@link ProductQueries} in its own.
 *
 * <p>Products by id and by slug are stamped entries: retired ones stay cached as tombstones
 * (their status says so), unknown ones as absences for {@code shop.catalog.cache.negative-ttl}.
 * After a product change commits, this instance writes the fresh entry to Redis (never over a
 * newer one) and tells every instance to drop its near copy. Listings are keyed by the catalog
 * generation, so every change makes them miss.
 */
@Component
public class ProductCache {

	private final ProductQueries queries;

	private final CatalogVersions versions;

	private final Caches caches;

	private final TwoLevelCache<ProductDetail> products;

	private final TwoLevelCache<Page<ProductSummary>> listings;

	private final TwoLevelCache<List<ProductSummary>> home;

	private final TransactionTemplate freshRead;

	ProductCache(ProductQueries queries, CatalogVersions versions, Caches caches,
			PlatformTransactionManager transactions) {
		this.queries = queries;
		this.versions = versions;
		this.caches = caches;
		this.products = caches.stamped("products", ProductDetail.class);
		this.listings = caches.generational("listings", new TypeReference<Page<ProductSummary>>() {
		});
		this.home = caches.generational("home", new TypeReference<List<ProductSummary>>() {
		});
		this.freshRead = new TransactionTemplate(transactions);
		this.freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.freshRead.setReadOnly(true);
		caches.onInvalidation(this::invalidated);
	}

	/** The active product with this slug; a 404 for an unknown or retired one. */
	public Stamped<ProductDetail> activeBySlug(String slug) {
		if (!Slugs.isWellFormed(slug)) {
			throw ProductQueries.notFound("'" + abbreviate(Texts.searchable(slug)) + "'");
		}
		return active(this.products.get(slugKey(slug), minStamp(), () -> this.queries.stampedBySlug(slug)))
			.orElseThrow(() -> ProductQueries.notFound("'" + abbreviate(slug) + "'"));
	}

	public Stamped<ProductDetail> activeById(UUID id) {
		return active(this.products.get(idKey(id), minStamp(), () -> this.queries.stampedById(id)))
			.orElseThrow(() -> ProductQueries.notFound(id.toString()));
	}

	public Page<ProductSummary> inCategory(CatalogVersion version, String categorySlug, ProductSort sort,
			PageRequest page) {
		String key = "g" + version.version() + ":" + categorySlug + ":" + sort + ":" + page.page() + ":" + page.size();
		return this.listings
			.get(key, () -> new Stamped<>(version.version(), this.queries.inCategory(categorySlug, sort, page)))
			.value();
	}

	public List<ProductSummary> featured(CatalogVersion version, int limit) {
		return this.home
			.get("g" + version.version() + ":featured:" + limit,
					() -> new Stamped<>(version.version(), this.queries.featured(limit)))
			.value();
	}

	public List<ProductSummary> newest(CatalogVersion version, int limit) {
		return this.home
			.get("g" + version.version() + ":new:" + limit,
					() -> new Stamped<>(version.version(), this.queries.newest(limit)))
			.value();
	}

	/** The ETag of a product page: its id, its edit version and the stamp of what it shows. */
	public static String etag(Stamped<ProductDetail> entry) {
		return "\"" + entry.value().id() + "-" + entry.value().version() + "-" + entry.stamp() + "\"";
	}

	/**
	 * Runs after the change's transaction committed, on the thread that made it, so the change's
	 * response leaves after the fresh entries are in Redis and the invalidation is out.
	 */
	@TransactionalEventListener
	void committed(CatalogChanged change) {
		if (change.productId() == null) {
			this.products.evictAllNear();
			this.caches.publish("c");
			return;
		}
		Stamped<ProductDetail> fresh = this.freshRead.execute((status) -> this.queries.stampedById(change.productId()));
		this.products.putFresh(idKey(change.productId()), fresh);
		if (fresh != null && fresh.value() != null) {
			this.products.putFresh(slugKey(fresh.value().slug()), fresh);
		}
		this.caches.publish("p|" + change.productId() + "|" + change.productSlug());
	}

	private void invalidated(String message) {
		String[] parts = message.split("\\|");
		if (parts[0].equals("c")) {
			this.products.evictAllNear();
		}
		else if (parts[0].equals("p") && parts.length == 3) {
			this.products.evictNear(idKey(UUID.fromString(parts[1])));
			this.products.evictNear(slugKey(parts[2]));
		}
	}

	/** Entries older than the last category change show stale category names. */
	private long minStamp() {
		return this.versions.current().categoriesVersion();
	}

	private static Optional<Stamped<ProductDetail>> active(Stamped<ProductDetail> entry) {
		return Optional.of(entry).filter((e) -> e.value() != null && "ACTIVE".equals(e.value().status()));
	}

	private static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
	}

	private static String idKey(UUID id) {
		return "id:" + id;
	}

	private static String slugKey(String slug) {
		return "slug:" + slug;
	}

}
