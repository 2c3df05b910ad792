package com.blueprintshop.storefront.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.blueprintshop.storefront.catalog.Money;

/** A row of the staff product table. */
record AdminProductRow(UUID id, String slug, String name, Money price, String status, String categorySlug,
		Instant updatedAt) {

	private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String updated() {
		return (this.updatedAt != null) ? UPDATED.format(this.updatedAt) : "";
	}

}
