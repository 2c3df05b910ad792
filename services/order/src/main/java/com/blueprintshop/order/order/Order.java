package com.blueprintshop.order.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.order.system.Money;

/**
 * An order: the aggregate the checkout creates and the saga moves on. Its status changes only
 * through the methods named as intentions, each of which refuses a transition the status does not
 * allow; each returns the changed order, which the repository stores with a version check.
 */
public record Order(UUID id, UUID customerId, OrderStatus status, String reasonCode, String reason,
		String customerEmail, String customerName, List<OrderLine> lines, Money total, String cardLast4,
		ShippingAddress shippingAddress, Instant createdAt, Instant updatedAt, long version) {

	public Order {
		lines = List.copyOf(lines);
	}

	/** A new order as checkout accepts it: PENDING, priced, not yet processed. */
	public static Order place(UUID id, UUID customerId, String customerEmail, String customerName,
			List<OrderLine> lines, String cardLast4, ShippingAddress address, Instant now) {
		Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
		return new Order(id, customerId, OrderStatus.PENDING, null, null, customerEmail, customerName, lines, total,
				cardLast4, address, now, now, 0);
	}

	public Order markConfirmed(Instant now) {
		require(this.status == OrderStatus.PENDING, "confirmed");
		return with(OrderStatus.CONFIRMED, null, null, now);
	}

	public Order markRejected(String code, String why, Instant now) {
		require(this.status == OrderStatus.PENDING, "rejected");
		return with(OrderStatus.REJECTED, code, why, now);
	}

	public Order cancel(String why, Instant now) {
		require(cancellable(), "cancelled");
		return with(OrderStatus.CANCELLED, "CANCELLED_BY_CUSTOMER", why, now);
	}

	public Order markShipped(Instant now) {
		require(this.status == OrderStatus.CONFIRMED, "shipped");
		return with(OrderStatus.SHIPPED, null, null, now);
	}

	/** Until it ships, a shopper may cancel: the saga compensates whatever was done. */
	public boolean cancellable() {
		return this.status == OrderStatus.PENDING || this.status == OrderStatus.CONFIRMED;
	}

	public int itemCount() {
		return this.lines.stream().mapToInt(OrderLine::quantity).sum();
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new IllegalTransitionException(this.status, action);
		}
	}

	private Order with(OrderStatus next, String code, String why, Instant now) {
		return new Order(this.id, this.customerId, next, code, why, this.customerEmail, this.customerName, this.lines,
				this.total, this.cardLast4, this.shippingAddress, this.createdAt, now, this.version);
	}

}
