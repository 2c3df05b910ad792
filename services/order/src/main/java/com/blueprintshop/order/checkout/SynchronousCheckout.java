package com.blueprintshop.order.checkout;

import java.util.UUID;

import org.springframework.stereotype.Service;

import com.blueprintshop.order.order.Customer;
import com.blueprintshop.order.order.OrderRepository;
import com.blueprintshop.order.order.OrderStatus;
import com.blueprintshop.order.saga.SynchronousSaga;

/**
 * Checkout with the asynchronous tactic switched off ({@code shop.order.checkout.mode=sync}), so
 * that the perf lab can measure what it buys: the same validation, pricing and idempotency as
 * {@link Checkout}, the order written PENDING with its saga begun in the same transaction, and
 * then the saga run to its end inside the request ({@link SynchronousSaga}: inventory and payment
 * asked over REST, one after the other). The answer is final: CONFIRMED or REJECTED.
 *
 * <p>{@code OrderPlaced} is still written, like every other event on {@code order.events}: the
 * other services see the same stream in both modes (notification tells the shopper the order was
 * received, then confirmed or rejected), and only the way the saga reaches inventory and payment
 * differs. The order service's own consumer finds the saga already begun (its row is written with
 * the order) and starts nothing.
 */
@Service
public class SynchronousCheckout {

	private final Checkout checkout;

	private final SynchronousSaga saga;

	private final OrderRepository orders;

	SynchronousCheckout(Checkout checkout, SynchronousSaga saga, OrderRepository orders) {
		this.checkout = checkout;
		this.saga = saga;
		this.orders = orders;
	}

	/**
	 * @return the order as the saga left it; for a repeated idempotency key, the order placed
	 * earlier as it stands now (PENDING while the first request is still running its saga)
	 */
	public Done place(Customer customer, String idempotencyKey, CheckoutRequest request) {
		Checkout.Placed placed = this.checkout.place(customer, idempotencyKey, request, this.saga::begin);
		if (placed.repeated()) {
			OrderStatus now = this.orders.status(customer.id(), placed.orderId())
				.map(OrderRepository.StatusView::status)
				.orElseThrow(() -> new IllegalStateException("Order " + placed.orderId() + " is gone"));
			return new Done(placed.orderId(), now, true);
		}
		return new Done(placed.orderId(), this.saga.run(placed.order(), request.payment().cardToken()), false);
	}

	/**
	 * @param orderId the order
	 * @param status where it stands once the request is answered
	 * @param repeated whether an earlier request with the same idempotency key placed it
	 */
	public record Done(UUID orderId, OrderStatus status, boolean repeated) {
	}

}
