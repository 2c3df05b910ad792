package com.blueprintshop.order.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.ShippingAddress;
import com.blueprintshop.order.system.Money;

/** An order as its shopper sees it. */
record OrderView(UUID orderId, String status, String reasonCode, String reason, List<Line> lines, Money total,
		ShippingAddress shippingAddress, String cardLast4, Instant createdAt, Instant updatedAt, boolean cancellable) {

	record Line(String sku, UUID productId, String productName, int quantity, Money unitPrice, Money lineTotal) {
	}

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.status().name(), order.reasonCode(), order.reason(),
				order.lines()
					.stream()
					.map((line) -> new Line(line.sku(), line.productId(), line.productName(), line.quantity(),
							line.unitPrice(), line.lineTotal()))
					.toList(),
				order.total(), order.shippingAddress(), order.cardLast4(), order.createdAt(), order.updatedAt(),
				order.cancellable());
	}

}
