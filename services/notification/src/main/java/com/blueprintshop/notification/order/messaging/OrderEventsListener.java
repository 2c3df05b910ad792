package com.blueprintshop.notification.order.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.blueprintshop.notification.order.OrderEventHandler;

/**
 * Reads {@code order.events} in the service's consumer group. A failure is retried in place
 * with backoff and then parked on {@code order.events.dlt} by service-defaults' error handler
 * (a poison message at once); the topic and its dead-letter topic are created by KafkaTopics.
 */
@Component
class OrderEventsListener {

	private final OrderEventHandler handler;

	OrderEventsListener(OrderEventHandler handler) {
		this.handler = handler;
	}

	// the consumer group is the service's (spring.kafka.consumer.group-id), not the listener id
	@KafkaListener(id = "order-events", idIsGroup = false, topics = OrderEventHandler.TOPIC)
	void onOrderEvent(ConsumerRecord<String, String> record) {
		this.handler.handle(record.value());
	}

}
