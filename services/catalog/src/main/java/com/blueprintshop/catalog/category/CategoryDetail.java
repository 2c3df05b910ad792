package com.blueprintshop.catalog.category;

import java.util.List;
import java.util.UUID;

/**
 * A category page's header.
 *
 * @param id the category id
 * @param slug its URL slug
 * @param name its name
 * @param description its description
 * @param parentSlug the parent's slug, {@code null} for a department
 * @param breadcrumbs from the department down to this category itself
 * @param children its active sub-categories in order
 */
public record CategoryDetail(UUID id, String slug, String name, String description, String parentSlug,
		List<CategoryRef> breadcrumbs, List<CategoryRef> children) {
}
