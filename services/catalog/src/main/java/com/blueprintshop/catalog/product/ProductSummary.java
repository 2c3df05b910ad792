package com.blueprintshop.catalog.product;

import java.time.Instant;
import java.util.UUID;

/**
 * A product on a list: category pages, search results, the home page.
 *
 * @param id the product id
 * @param slug its URL slug
 * @param name its name
 * @param price its price
 * @param imageUrl its first image, or {@code null}
 * @param categorySlug its category's slug
 * @param categoryName its category's name
 * @param createdAt when it was added to the catalog
 */
public record ProductSummary(UUID id, String slug, String name, Money price, String imageUrl, String categorySlug,
		String categoryName, Instant createdAt) {
}
