package com.blueprintshop.catalog.category;

/** A link to a category: breadcrumbs, children, a product's category. */
public record CategoryRef(String slug, String name) {
}
