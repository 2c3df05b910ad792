package com.blueprintshop.storefront.catalog;

import java.util.List;

/** A category page's heading, trail and subcategories. */
record CategoryDetail(String slug, String name, String description, List<CategoryRef> breadcrumbs,
		List<CategoryRef> children) {

	CategoryDetail {
		breadcrumbs = (breadcrumbs != null) ? List.copyOf(breadcrumbs) : List.of();
		children = (children != null) ? List.copyOf(children) : List.of();
	}

	/** The ancestors only: catalog may or may not end the breadcrumbs with the category itself. */
	public List<CategoryRef> ancestors() {
		return this.breadcrumbs.stream().filter((c) -> !c.slug().equals(this.slug)).toList();
	}

}
