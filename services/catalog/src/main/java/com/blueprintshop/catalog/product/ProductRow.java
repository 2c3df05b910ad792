package com.blueprintshop.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of table {@code product} with its category's slug and name; never leaves this package. */
record ProductRow(UUID id, String slug, String name, String description, UUID categoryId, String categorySlug,
		String categoryName, BigDecimal priceAmount, String currency, boolean featured, String status,
		Instant createdAt, Instant updatedAt, long version, long generation) {

	Money price() {
		return new Money(this.priceAmount, this.currency);
	}

	boolean active() {
		return "ACTIVE".equals(this.status);
	}

}
