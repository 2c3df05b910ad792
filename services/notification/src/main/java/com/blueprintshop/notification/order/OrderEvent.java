package com.blueprintshop.notification.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of an {@code order.events} message this service reads (see docs/messaging.md);
 * which of them a message carries depends on its type. Every other field, and any added later,
 * is ignored.
 *
 * @param eventId unique per message: the inbox deduplicates by it
 * @param type {@code OrderPlaced}, {@code OrderConfirmed}, {@code OrderRejected} or {@code OrderCancelled}
 * @param orderId the order
 * @param customerId the shopper's subject at identity: whose in-app notification it is
 * @param customerEmail where the e-mail goes
 * @param customerName how the e-mail greets the shopper
 * @param lines what was ordered ({@code OrderPlaced}, {@code OrderConfirmed})
 * @param total what it costs ({@code OrderPlaced}, {@code OrderConfirmed})
 * @param reason a sentence for the shopper ({@code OrderRejected}, {@code OrderCancelled})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderEvent(UUID eventId, String type, UUID orderId, String customerId, String customerEmail,
		String customerName, List<Line> lines, Money total, String reason) {

	public OrderEvent {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	/** The message types this service acts on; others on the topic are ignored. */
	public enum Kind {

		PLACED("OrderPlaced", false), CONFIRMED("OrderConfirmed", true), REJECTED("OrderRejected", true),
		CANCELLED("OrderCancelled", true);

		private final String type;

		private final boolean mailed;

		Kind(String type, boolean mailed) {
			this.type = type;
			this.mailed = mailed;
		}

		/** Whether the shopper gets an e-mail, not only an in-app notification. */
		public boolean mailed() {
			return this.mailed;
		}

		public String type() {
			return this.type;
		}

		static Optional<Kind> of(String type) {
			for (Kind kind : values()) {
				if (kind.type.equals(type)) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}

	}

	public Kind kind() {
		return Kind.of(this.type).orElseThrow();
	}

	/** The first eight hex digits of the order id: how a shopper refers to the order. */
	public String shortOrderId() {
		return this.orderId.toString().substring(0, 8);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(String sku, String productName, Integer quantity, Money unitPrice) {

		public int count() {
			return (this.quantity != null) ? this.quantity : 0;
		}

		/** Quantity times unit price, or {@code null} when the price is missing. */
		public Money lineTotal() {
			if (this.unitPrice == null || this.unitPrice.amount() == null) {
				return null;
			}
			return new Money(this.unitPrice.amount().multiply(BigDecimal.valueOf(count())), this.unitPrice.currency());
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Money(BigDecimal amount, String currency) {

		/** {@code 12.50 EUR}. */
		public String formatted() {
			String amount = (this.amount != null) ? this.amount.setScale(2, RoundingMode.HALF_UP).toPlainString() : "?";
			return (this.currency != null) ? amount + " " + this.currency : amount;
		}

	}

}
