package com.blueprintshop.storefront.catalog;

import java.util.List;
import java.util.stream.Stream;

/** A product page's content. */
record ProductDetail(String slug, String name, String description, CategoryRef category,
		List<CategoryRef> breadcrumbs, Money price, List<Sku> skus, List<Image> images) {

	ProductDetail {
		breadcrumbs = (breadcrumbs != null) ? List.copyOf(breadcrumbs) : List.of();
		skus = (skus != null) ? List.copyOf(skus) : List.of();
		images = (images != null) ? List.copyOf(images) : List.of();
	}

	/** The trail to the product: its category's ancestors and the category itself, once each. */
	public List<CategoryRef> trail() {
		if (this.category == null || this.breadcrumbs.stream().anyMatch((c) -> c.slug().equals(this.category.slug()))) {
			return this.breadcrumbs;
		}
		return Stream.concat(this.breadcrumbs.stream(), Stream.of(this.category)).toList();
	}

	record Sku(String sku, String size, String colour, Money price) {
	}

	record Image(String url, String alt) {
	}

}
