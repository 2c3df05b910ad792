package com.blueprintshop.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.catalog.category.CategoryRef;
import com.blueprintshop.catalog.image.ImageLink;

/**
 * A product page, and what staff edit.
 *
 * @param id the product id
 * @param slug its URL slug (kept when the name changes, so links stay valid)
 * @param name its name
 * @param description its description
 * @param category its category
 * @param breadcrumbs from the department down to its category
 * @param price its price
 * @param status {@code ACTIVE} or {@code RETIRED}
 * @param skus its sellable variants
 * @param images its images in order
 * @param featured whether the home page features it
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version an edit must send back
 */
public record ProductDetail(UUID id, String slug, String name, String description, CategoryRef category,
		List<CategoryRef> breadcrumbs, Money price, String status, List<Sku> skus, List<ImageLink> images,
		boolean featured, Instant createdAt, Instant updatedAt, long version) {

	/**
	 * A sellable variant.
	 *
	 * @param sku its stock-keeping code
	 * @param size its size, or {@code null}
	 * @param colour its colour, or {@code null}
	 * @param price its price: the product's unless the variant overrides it
	 */
	public record Sku(String sku, String size, String colour, Money price) {
	}

}
