package com.blueprintshop.order.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.OrderLine;
import com.blueprintshop.order.order.ShippingAddress;
import com.blueprintshop.order.system.Money;

/**
 * What the order service publishes on {@code order.events}, keyed by order id
 * (docs/messaging.md). Consumers keep their own copies of the fields they read, so a field may be
 * added here, never renamed or removed; {@code OrderEventsContractTests} holds the names.
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	public record Line(String sku, UUID productId, String productName, int quantity, Money unitPrice) {

		static List<Line> of(Order order) {
			return order.lines()
				.stream()
				.map((OrderLine line) -> new Line(line.sku(), line.productId(), line.productName(), line.quantity(),
						line.unitPrice()))
				.toList();
		}

	}

	public record Payment(String cardToken, String cardLast4) {
	}

	public record OrderPlaced(UUID eventId, String type, Instant occurredAt, UUID orderId, UUID customerId,
			String customerEmail, String customerName, List<Line> lines, Money total, Payment payment,
			ShippingAddress shippingAddress) {

		public static OrderPlaced of(Order order, String cardToken, Instant now) {
			return new OrderPlaced(UUID.randomUUID(), "OrderPlaced", now, order.id(), order.customerId(),
					order.customerEmail(), order.customerName(), Line.of(order), order.total(),
					new Payment(cardToken, order.cardLast4()), order.shippingAddress());
		}

	}

	public record OrderConfirmed(UUID eventId, String type, Instant occurredAt, UUID orderId, UUID customerId,
			String customerEmail, String customerName, List<Line> lines, Money total) {

		public static OrderConfirmed of(Order order, Instant now) {
			return new OrderConfirmed(UUID.randomUUID(), "OrderConfirmed", now, order.id(), order.customerId(),
					order.customerEmail(), order.customerName(), Line.of(order), order.total());
		}

	}

	public record OrderRejected(UUID eventId, String type, Instant occurredAt, UUID orderId, UUID customerId,
			String customerEmail, String customerName, String reasonCode, String reason) {

		public static OrderRejected of(Order order, Instant now) {
			return new OrderRejected(UUID.randomUUID(), "OrderRejected", now, order.id(), order.customerId(),
					order.customerEmail(), order.customerName(), order.reasonCode(), order.reason());
		}

	}

	public record OrderCancelled(UUID eventId, String type, Instant occurredAt, UUID orderId, UUID customerId,
			String customerEmail, String customerName, String reason) {

		public static OrderCancelled of(Order order, Instant now) {
			return new OrderCancelled(UUID.randomUUID(), "OrderCancelled", now, order.id(), order.customerId(),
					order.customerEmail(), order.customerName(), order.reason());
		}

	}

}
