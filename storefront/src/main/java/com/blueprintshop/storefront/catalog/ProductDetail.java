package com.blueprintshop.storefront.catalog;

import java.util.List;
import java.util.stream.Stream;

/** A product page's content, and what the cart checks an added SKU against. */
public record ProductDetail(String slug, String name, String description, CategoryRef category,
		List<CategoryRef> breadcrumbs, Money price, List<Sku> skus, List<Image> images) {

	public ProductDetail {
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

	/** What a unit of this variant costs: its own price, else the product's. */
	public Money priceOf(Sku sku) {
		return (sku.price() != null) ? sku.price() : this.price;
	}

	/** The variant with this SKU code, or null when the product has no such variant. */
	public Sku sku(String code) {
		return this.skus.stream().filter((s) -> s.sku().equals(code)).findFirst().orElse(null);
	}

	/** A variant: its own price, or null when it sells at the product's price. */
	public record Sku(String sku, String size, String colour, Money price) {

		/** What tells it apart from the product's other variants ("Black · M"), or null. */
		public String description() {
			return Stream.of(this.colour, this.size)
				.filter((part) -> part != null && !part.isBlank())
				.reduce((a, b) -> a + " · " + b)
				.orElse(null);
		}

	}

	record Image(String url, String alt) {
	}

}
