package com.blueprintshop.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Inbox;
import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.OrderRepository;
import com.blueprintshop.order.order.OrderStatus;
import com.blueprintshop.order.system.ApiException;
import com.blueprintshop.order.system.OrderProperties;

/**
 * Runs {@link CheckoutSaga}: each event (the order placed, an answer, a deadline, a cancellation)
 * is one transaction that records the message in the inbox, applies the saga's decision to the
 * saga row and the order, and writes the commands and order events to the outbox. A crash
 * anywhere leaves either all of it or none; the message is then delivered again.
 */
@Service
public class SagaCoordinator {

	private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);

	static final String CONSUMER = "order-saga";

	private final CheckoutSaga saga;

	private final SagaRepository sagas;

	private final OrderRepository orders;

	private final Inbox inbox;

	private final SagaEffects effects;

	private final Clock clock;

	SagaCoordinator(SagaRepository sagas, OrderRepository orders, Inbox inbox, SagaEffects effects,
			OrderProperties properties, Clock clock) {
		this.saga = CheckoutSaga.of(properties);
		this.sagas = sagas;
		this.orders = orders;
		this.inbox = inbox;
		this.effects = effects;
		this.clock = clock;
	}

	/** {@code OrderPlaced} came off the queue: the saga begins (once, however often it is delivered). */
	@Transactional
	public void orderPlaced(UUID eventId, UUID orderId, UUID customerId, String cardToken) {
		if (!this.inbox.firstDelivery(CONSUMER, eventId)) {
			return;
		}
		Instant now = this.clock.instant();
		Decision decision = this.saga.start(orderId, customerId, now);
		if (!this.sagas.insert(decision.state(), cardToken, now)) {
			// already begun (by a synchronous checkout, with the order), or the shopper cancelled before the
			// queue got here
			return;
		}
		Order order = this.orders.lock(customerId, orderId)
			.orElseThrow(() -> new PoisonMessageException("OrderPlaced for an order that does not exist: " + orderId));
		if (order.status() != OrderStatus.PENDING) {
			throw new PoisonMessageException("OrderPlaced for order " + orderId + " which is " + order.status());
		}
		this.effects.apply(decision, decision.commands(), order, cardToken, now);
	}

	/** An answer from inventory or payment. */
	@Transactional
	public void reply(UUID eventId, UUID orderId, Reply reply) {
		if (!this.inbox.firstDelivery(CONSUMER, eventId)) {
			return;
		}
		SagaRepository.Stored stored = this.sagas.lock(orderId).orElse(null);
		if (stored == null) {
			log.warn("Ignoring {} for order {}: no saga knows it", reply.kind(), orderId);
			return;
		}
		Instant now = this.clock.instant();
		Decision decision = this.saga.onReply(stored.state(), reply, now);
		if (!decision.changes()) {
			log.info("Ignoring {} for order {} in phase {}", reply.kind(), orderId, stored.state().phase());
			return;
		}
		this.effects.apply(decision, decision.commands(), order(stored.state()), stored.cardToken(), now);
	}

	/** Compensates the steps whose answer is overdue. @return how many sagas were handled */
	@Transactional
	public int sweepOverdue(int limit) {
		Instant now = this.clock.instant();
		List<SagaRepository.Stored> overdue = this.sagas.overdue(now, limit);
		for (SagaRepository.Stored stored : overdue) {
			Decision decision = this.saga.onDeadline(stored.state(), now);
			if (decision.changes()) {
				this.effects.apply(decision, decision.commands(), order(stored.state()), stored.cardToken(), now);
			}
		}
		return overdue.size();
	}

	/**
	 * The shopper cancels an order that has not shipped: whatever the saga did is undone. An
	 * order still waiting in the queue gets a saga that is cancelled from the start, so the
	 * {@code OrderPlaced} that arrives later begins nothing.
	 */
	@Transactional
	public Order cancel(com.blueprintshop.order.order.Customer customer, UUID orderId) {
		UUID customerId = customer.id();
		Order current = this.orders.find(customerId, orderId)
			.orElseThrow(() -> ApiException.notFound("You have no order " + orderId + "."));
		if (!current.cancellable()) {
			throw ApiException.conflict("This order is " + current.status().name().toLowerCase(java.util.Locale.ROOT)
					+ " and can no longer be cancelled.");
		}
		Instant now = this.clock.instant();
		String reason = "Cancelled at your request.";
		SagaRepository.Stored stored = this.sagas.lock(orderId).orElse(null);
		if (stored == null) {
			SagaState cancelled = new SagaState(orderId, customerId, Phase.CANCELLED, false, false, null, 0);
			if (this.sagas.insert(cancelled, null, now)) {
				Decision decision = new Decision(cancelled, List.of(), Decision.Outcome.cancelled(reason));
				return this.effects.outcome(decision, this.orders.lock(customerId, orderId).orElseThrow(), now);
			}
			stored = this.sagas.lock(orderId).orElseThrow();
		}
		Order order = this.orders.lock(customerId, orderId).orElseThrow();
		if (!order.cancellable()) {
			throw ApiException.conflict("This order can no longer be cancelled.");
		}
		Decision decision = this.saga.cancel(stored.state(), reason);
		return this.effects.apply(decision, decision.commands(), order, stored.cardToken(), now);
	}

	private Order order(SagaState state) {
		return this.orders.lock(state.customerId(), state.orderId())
			.orElseThrow(() -> new IllegalStateException("Saga without its order " + state.orderId()));
	}

}
