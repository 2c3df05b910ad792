package com.blueprintshop.order.saga;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.order.system.Topics;

/**
 * The saga's inputs from Kafka: {@code OrderPlaced} from the order service's own queue (checkout
 * only writes it; processing happens here, at the rate the consumers manage), and the answers of
 * inventory and payment. Each message is read into the few fields the saga needs.
 */
@Component
class SagaListeners {

	private final SagaCoordinator coordinator;

	private final JsonMapper json;

	SagaListeners(SagaCoordinator coordinator, JsonMapper json) {
		this.coordinator = coordinator;
		this.json = json;
	}

	@KafkaListener(id = "order-placed", idIsGroup = false, topics = Topics.ORDER_EVENTS)
	void orderEvents(ConsumerRecord<String, String> record) {
		JsonNode message = read(record);
		// the other order events are this service's own news for others
		if ("OrderPlaced".equals(text(message, "type"))) {
			JsonNode payment = message.path("payment");
			this.coordinator.orderPlaced(uuid(message, "eventId"), uuid(message, "orderId"), uuid(message, "customerId"),
					text(payment, "cardToken"));
		}
	}

	@KafkaListener(id = "saga-replies", idIsGroup = false, topics = { Topics.INVENTORY_REPLIES, Topics.PAYMENT_REPLIES })
	void replies(ConsumerRecord<String, String> record) {
		JsonNode message = read(record);
		String type = text(message, "type");
		Reply reply = Reply.read(message);
		if (reply == null) {
			throw new PoisonMessageException("Unknown reply type '" + type + "' on " + record.topic());
		}
		this.coordinator.reply(uuid(message, "eventId"), uuid(message, "orderId"), reply);
	}

	private JsonNode read(ConsumerRecord<String, String> record) {
		try {
			JsonNode message = this.json.readTree(record.value());
			if (message == null || !message.isObject()) {
				throw new PoisonMessageException("Not a JSON object at " + record.topic() + "@" + record.offset());
			}
			return message;
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Unreadable message at " + record.topic() + "@" + record.offset(), ex);
		}
	}

	private static String text(JsonNode message, String field) {
		JsonNode value = message.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new PoisonMessageException("Message without '" + field + "'");
		}
		return value.asString();
	}

	private static UUID uuid(JsonNode message, String field) {
		try {
			return UUID.fromString(text(message, field));
		}
		catch (IllegalArgumentException ex) {
			throw new PoisonMessageException("'" + field + "' is not a UUID", ex);
		}
	}

}
