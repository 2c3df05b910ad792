package com.blueprintshop.order.saga;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.blueprintshop.defaults.messaging.Outbox;
import com.blueprintshop.order.messaging.OrderEvents;
import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.OrderRepository;
import com.blueprintshop.order.system.Topics;

/**
 * What a decision of {@link CheckoutSaga} writes, inside the caller's transaction (which has
 * locked the saga row, then the order): the commands that go by Kafka (to the outbox, keyed by
 * order id), the saga's new state, and the order's new status with its event on
 * {@code order.events}. {@link SagaCoordinator} sends every command this way;
 * {@link SynchronousSaga} only those its REST calls could not deliver.
 */
@Component
class SagaEffects {

	private final SagaRepository sagas;

	private final OrderRepository orders;

	private final Outbox outbox;

	private final Commands commands;

	SagaEffects(SagaRepository sagas, OrderRepository orders, Outbox outbox) {
		this.sagas = sagas;
		this.orders = orders;
		this.outbox = outbox;
		this.commands = new Commands(outbox);
	}

	/**
	 * @param viaKafka the decision's commands that are to be sent through the outbox, in order
	 * @return the order as the decision leaves it
	 */
	Order apply(Decision decision, List<SagaCommand> viaKafka, Order order, String cardToken, Instant now) {
		for (SagaCommand command : viaKafka) {
			this.commands.send(command, order, cardToken, now);
		}
		this.sagas.save(decision.state(), now);
		return outcome(decision, order, now);
	}

	/** The order's new status, if the decision changes it, and the event that tells the others. */
	Order outcome(Decision decision, Order order, Instant now) {
		Decision.Outcome outcome = decision.outcome();
		String key = order.id().toString();
		return switch (outcome.kind()) {
			case NONE -> order;
			case CONFIRMED -> {
				Order confirmed = this.orders.saveStatus(order.markConfirmed(now));
				OrderEvents.OrderConfirmed event = OrderEvents.OrderConfirmed.of(confirmed, now);
				this.outbox.append(Topics.ORDER_EVENTS, key, event.eventId(), event.type(), event);
				yield confirmed;
			}
			case REJECTED -> {
				Order rejected = this.orders.saveStatus(order.markRejected(outcome.reasonCode(), outcome.reason(), now));
				OrderEvents.OrderRejected event = OrderEvents.OrderRejected.of(rejected, now);
				this.outbox.append(Topics.ORDER_EVENTS, key, event.eventId(), event.type(), event);
				yield rejected;
			}
			case CANCELLED -> {
				Order cancelled = this.orders.saveStatus(order.cancel(outcome.reason(), now));
				OrderEvents.OrderCancelled event = OrderEvents.OrderCancelled.of(cancelled, now);
				this.outbox.append(Topics.ORDER_EVENTS, key, event.eventId(), event.type(), event);
				yield cancelled;
			}
		};
	}

}
