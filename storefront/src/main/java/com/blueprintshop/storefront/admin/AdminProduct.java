package com.blueprintshop.storefront.admin;

import java.util.List;
import java.util.UUID;

import com.blueprintshop.storefront.catalog.CategoryRef;
import com.blueprintshop.storefront.catalog.Money;

/** A product as staff edit it, retired or not. */
record AdminProduct(UUID id, String slug, String name, String description, CategoryRef category, Money price,
		String status, List<Image> images, boolean featured, long version) {

	AdminProduct {
		images = (images != null) ? List.copyOf(images) : List.of();
	}

	public boolean retired() {
		return "RETIRED".equals(this.status);
	}

	record Image(String url, String alt) {
	}

}
