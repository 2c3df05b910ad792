package com.blueprintshop.catalog.product;

import java.time.Instant;
import java.util.UUID;

/**
 * A line of the staff product list.
 *
 * @param id the product id
 * @param slug its slug
 * @param name its name
 * @param price its price
 * @param status {@code ACTIVE} or {@code RETIRED}
 * @param categorySlug its category's slug
 * @param updatedAt when it last changed
 * @param version its optimistic-locking version
 */
public record AdminProductRow(UUID id, String slug, String name, Money price, String status, String categorySlug,
		Instant updatedAt, long version) {
}
