package com.blueprintshop.storefront.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.storefront.catalog.Money;

/** One of the shopper's orders, as its status page shows it. */
record OrderDetail(UUID orderId, String status, String reason, List<Line> lines, Money total,
		Address shippingAddress, String cardLast4, Instant createdAt, Instant updatedAt, boolean cancellable) {

	OrderDetail {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public String shortId() {
		return shortId(this.orderId);
	}

	public boolean isFinal() {
		return Statuses.isFinal(this.status);
	}

	public String description() {
		return Statuses.describe(this.status);
	}

	/** The first block of the id: enough for a shopper to tell their orders apart. */
	static String shortId(UUID id) {
		return (id != null) ? id.toString().substring(0, 8).toUpperCase() : "";
	}

	record Line(String sku, String productName, int quantity, Money unitPrice, Money lineTotal) {
	}

}
