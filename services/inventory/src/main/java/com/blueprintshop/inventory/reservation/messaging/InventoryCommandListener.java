package com.blueprintshop.inventory.reservation.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.inventory.reservation.InventoryCommands;
import com.blueprintshop.inventory.reservation.InventoryCommands.Command;
import com.blueprintshop.inventory.reservation.Line;
import com.blueprintshop.inventory.system.Topics;

/** Reads {@code inventory.commands}; a value that is not a command is parked at once. */
@Component
class InventoryCommandListener {

	private final InventoryCommands commands;

	private final JsonMapper json;

	InventoryCommandListener(InventoryCommands commands, JsonMapper json) {
		this.commands = commands;
		this.json = json;
	}

	@KafkaListener(id = "inventory-commands", idIsGroup = false, topics = Topics.COMMANDS)
	void onCommand(String value, @Header(name = "event-id", required = false) byte[] eventIdHeader) {
		this.commands.handle(parse(value, eventIdHeader));
	}

	private Command parse(String value, byte[] eventIdHeader) {
		Message message;
		try {
			message = this.json.readValue(value, Message.class);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Not a command: " + ex.getOriginalMessage(), ex);
		}
		if (message == null) {
			throw new PoisonMessageException("An empty command");
		}
		UUID eventId = message.eventId();
		if (eventId == null && eventIdHeader != null) {
			try {
				eventId = UUID.fromString(new String(eventIdHeader, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw new PoisonMessageException("The event-id header is not a UUID", ex);
			}
		}
		List<Line> lines = (message.lines() != null)
				? message.lines().stream().map((line) -> (line != null) ? new Line(line.sku(), line.quantity()) : null).toList()
				: null;
		return new Command(eventId, message.type(), message.orderId(), lines);
	}

	/** The fields of a command inventory reads (docs/messaging.md). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Message(UUID eventId, String type, UUID orderId, List<MessageLine> lines) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MessageLine(String sku, Integer quantity) {
	}

}
