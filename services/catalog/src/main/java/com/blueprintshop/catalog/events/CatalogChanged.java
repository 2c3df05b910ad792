package com.blueprintshop.catalog.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What goes to Kafka topic {@code catalog.changed} (the key is the product's or category's id).
 * Consumers keep their own copy of the fields they read; adding a field is compatible, renaming
 * or removing one is not.
 *
 * @param eventId unique per change, for consumers that deduplicate
 * @param type what happened
 * @param productId the product changed, or {@code null} for category events
 * @param productSlug its slug, or {@code null}
 * @param categoryId the category changed, or the product's category
 * @param categorySlug its slug
 * @param version the product's version after the change, or {@code null} for category events
 * @param occurredAt when the change was committed
 */
public record CatalogChanged(UUID eventId, Type type, UUID productId, String productSlug, UUID categoryId,
		String categorySlug, Long version, Instant occurredAt) {

	public enum Type {

		PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_RETIRED, PRODUCT_RESTORED, CATEGORY_CREATED, CATEGORY_UPDATED,
		CATEGORY_RETIRED

	}

	public UUID aggregateId() {
		return (this.productId != null) ? this.productId : this.categoryId;
	}

}
