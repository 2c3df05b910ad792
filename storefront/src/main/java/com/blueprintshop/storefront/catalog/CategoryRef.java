package com.blueprintshop.storefront.catalog;

/** A link to a category: breadcrumbs, subcategories, a product's category. */
public record CategoryRef(String slug, String name) {
}
