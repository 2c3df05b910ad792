package com.blueprintshop.storefront.order;

import java.time.Instant;
import java.util.UUID;

import com.blueprintshop.storefront.catalog.Money;

/** A row of the order history. */
record OrderSummary(UUID orderId, String status, Money total, int itemCount, Instant createdAt) {

	public String shortId() {
		return OrderDetail.shortId(this.orderId);
	}

}
