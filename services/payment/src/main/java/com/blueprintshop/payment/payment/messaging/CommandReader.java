package com.blueprintshop.payment.payment.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.payment.payment.PaymentCommand;
import com.blueprintshop.payment.payment.PaymentCommand.AuthorizePayment;
import com.blueprintshop.payment.payment.PaymentCommand.VoidPayment;
import com.blueprintshop.payment.system.Money;

/**
 * Reads a {@code payment.commands} message as docs/messaging.md defines it, holding only the
 * fields this service uses. Anything else (not JSON, a missing or malformed field, an unknown
 * type) is a {@link PoisonMessageException}: no redelivery would make it readable.
 */
final class CommandReader {

	private final ObjectReader json;

	CommandReader(JsonMapper json) {
		// amounts exactly as written, never through a double
		this.json = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	PaymentCommand read(String value) {
		if (value == null || value.isBlank()) {
			throw new PoisonMessageException("An empty payment command");
		}
		JsonNode message;
		try {
			message = this.json.readTree(value);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("A payment command that is not JSON", ex);
		}
		if (message == null || !message.isObject()) {
			throw new PoisonMessageException("A payment command that is not a JSON object");
		}
		String type = text(message, "type");
		UUID eventId = uuid(message, "eventId");
		Instant occurredAt = instant(message, "occurredAt");
		UUID orderId = uuid(message, "orderId");
		return switch (type) {
			case "AuthorizePayment" -> new AuthorizePayment(eventId, occurredAt, orderId, money(message.get("amount")),
					matching(message, "cardToken", PaymentCommand.CARD_TOKEN),
					matching(message, "cardLast4", PaymentCommand.CARD_LAST4));
			case "VoidPayment" -> new VoidPayment(eventId, occurredAt, orderId);
			default -> throw new PoisonMessageException("Unknown payment command type '" + abbreviate(type) + "'");
		};
	}

	private static Money money(JsonNode amount) {
		if (amount == null || !amount.isObject()) {
			throw new PoisonMessageException("amount must be an object {amount, currency}");
		}
		JsonNode value = amount.get("amount");
		if (value == null || !value.isNumber()) {
			throw new PoisonMessageException("amount.amount must be a number");
		}
		BigDecimal decimal = value.decimalValue();
		try {
			return new Money(decimal, text(amount, "currency"));
		}
		catch (IllegalArgumentException ex) {
			throw new PoisonMessageException("Invalid amount: " + ex.getMessage(), ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw new PoisonMessageException(field + " is missing");
		}
		return value.stringValue();
	}

	private static String matching(JsonNode node, String field, Pattern pattern) {
		String value = text(node, field);
		if (!pattern.matcher(value).matches()) {
			throw new PoisonMessageException(field + " is malformed");
		}
		return value;
	}

	private static UUID uuid(JsonNode node, String field) {
		String value = text(node, field);
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new PoisonMessageException(field + " is not a UUID", ex);
		}
	}

	private static Instant instant(JsonNode node, String field) {
		String value = text(node, field);
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new PoisonMessageException(field + " is not an ISO-8601 instant", ex);
		}
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
