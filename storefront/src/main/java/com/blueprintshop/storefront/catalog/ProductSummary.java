package com.blueprintshop.storefront.catalog;

/** A product in a grid: what a card shows and where it links. */
public record ProductSummary(String slug, String name, Money price, String imageUrl, String categorySlug,
		String categoryName) {
}
