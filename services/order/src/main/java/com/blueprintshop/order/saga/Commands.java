package com.blueprintshop.order.saga;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.defaults.messaging.Outbox;
import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.system.Money;
import com.blueprintshop.order.system.Topics;

/**
 * Turns the saga's commands into the messages of docs/messaging.md and appends them to the
 * outbox, keyed by order id: one order's commands to a service share a partition, so a
 * compensation always arrives after the command it undoes.
 */
final class Commands {

	record StockLine(String sku, int quantity) {
	}

	record ReserveStock(UUID eventId, String type, Instant occurredAt, UUID orderId, List<StockLine> lines) {
	}

	record OrderCommand(UUID eventId, String type, Instant occurredAt, UUID orderId) {
	}

	record AuthorizePayment(UUID eventId, String type, Instant occurredAt, UUID orderId, Money amount,
			String cardToken, String cardLast4) {
	}

	private final Outbox outbox;

	Commands(Outbox outbox) {
		this.outbox = outbox;
	}

	void send(SagaCommand command, Order order, String cardToken, Instant now) {
		UUID id = UUID.randomUUID();
		String key = order.id().toString();
		switch (command) {
			case RESERVE_STOCK -> this.outbox.append(Topics.INVENTORY_COMMANDS, key, id, "ReserveStock",
					new ReserveStock(id, "ReserveStock", now, order.id(),
							order.lines().stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList()));
			case COMMIT_STOCK -> orderCommand(Topics.INVENTORY_COMMANDS, "CommitStock", order, id, now);
			case RELEASE_STOCK -> orderCommand(Topics.INVENTORY_COMMANDS, "ReleaseStock", order, id, now);
			case AUTHORIZE_PAYMENT -> this.outbox.append(Topics.PAYMENT_COMMANDS, key, id, "AuthorizePayment",
					new AuthorizePayment(id, "AuthorizePayment", now, order.id(), order.total(), cardToken,
							order.cardLast4()));
			case VOID_PAYMENT -> orderCommand(Topics.PAYMENT_COMMANDS, "VoidPayment", order, id, now);
		}
	}

	private void orderCommand(String topic, String type, Order order, UUID id, Instant now) {
		this.outbox.append(topic, order.id().toString(), id, type, new OrderCommand(id, type, now, order.id()));
	}

}
