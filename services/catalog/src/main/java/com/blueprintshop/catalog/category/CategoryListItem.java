package com.blueprintshop.catalog.category;

import java.util.UUID;

/**
 * One line of the navigation tree.
 *
 * @param id the category id
 * @param slug its URL slug
 * @param name its name
 * @param parentSlug the parent's slug, {@code null} for a department
 * @param depth 0 for a department, 1 for its categories
 * @param productCount active products in the category and its descendants
 */
public record CategoryListItem(UUID id, String slug, String name, String parentSlug, int depth, long productCount) {
}
