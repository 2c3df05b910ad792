package com.blueprintshop.catalog.category;

import java.util.UUID;

/**
 * A category as staff see it, retired ones included.
 *
 * @param id the category id
 * @param slug its URL slug (kept when the name changes, so links stay valid)
 * @param name its name
 * @param description its description
 * @param parentSlug the parent's slug, {@code null} for a department
 * @param depth 0 for a department
 * @param productCount active products in the category and its descendants
 * @param status {@code ACTIVE} or {@code RETIRED}
 */
public record AdminCategory(UUID id, String slug, String name, String description, String parentSlug, int depth,
		long productCount, String status) {
}
