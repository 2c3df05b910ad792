package com.blueprintshop.catalog.category;

import java.util.List;
import java.util.UUID;

/**
 * An active category resolved for a product query.
 *
 * @param id the category id
 * @param slug its slug
 * @param name its name
 * @param subtreeIds the category and all its descendants: the categories whose products it lists
 */
public record ActiveCategory(UUID id, String slug, String name, List<UUID> subtreeIds) {
}
