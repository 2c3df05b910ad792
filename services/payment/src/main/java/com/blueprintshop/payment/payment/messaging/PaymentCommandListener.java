package com.blueprintshop.payment.payment.messaging;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import com.blueprintshop.payment.payment.PaymentCommands;

/**
 * Reads {@code payment.commands} (consumer group {@code payment}). Deliberately not one
 * transaction: {@link PaymentCommands} opens its own around, never across, the provider call.
 * A malformed command is parked at once; a provider that fails or is too slow makes the shared
 * error handler retry the command with backoff, then park it on {@code payment.commands.dlt}.
 */
@Component
class PaymentCommandListener {

	static final String TOPIC = "payment.commands";

	private final CommandReader reader;

	private final PaymentCommands commands;

	PaymentCommandListener(JsonMapper json, PaymentCommands commands) {
		this.reader = new CommandReader(json);
		this.commands = commands;
	}

	@KafkaListener(topics = TOPIC)
	void onCommand(@Payload(required = false) String value) {
		this.commands.handle(this.reader.read(value));
	}

}
