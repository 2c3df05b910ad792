package com.blueprintshop.notification.order;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.notification.order.OrderEvent.Kind;

/**
 * Reads an {@code order.events} value. A message no redelivery can make usable — not JSON,
 * without its id, order or customer, or an e-mail event without a deliverable address — is
 * poison, parked at once; a type this service does not act on is skipped.
 */
@Component
class OrderEventReader {

	private static final int MAX_ADDRESS_LENGTH = 320;

	private final JsonMapper json;

	OrderEventReader(JsonMapper json) {
		this.json = json;
	}

	/** The event, or empty for a type this service ignores. */
	Optional<OrderEvent> read(String payload) {
		if (payload == null || payload.isBlank()) {
			throw new PoisonMessageException("An order event without a value");
		}
		OrderEvent event;
		try {
			event = this.json.readValue(payload, OrderEvent.class);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Not an order event: " + ex.getOriginalMessage(), ex);
		}
		if (event == null || event.type() == null) {
			throw new PoisonMessageException("An order event without a type");
		}
		Optional<Kind> kind = Kind.of(event.type());
		if (kind.isEmpty()) {
			return Optional.empty();
		}
		require(event.eventId() != null, event, "eventId");
		require(event.orderId() != null, event, "orderId");
		require(event.customerId() != null && !event.customerId().isBlank(), event, "customerId");
		if (kind.get().mailed()) {
			requireAddress(event);
		}
		return Optional.of(event);
	}

	private static void require(boolean present, OrderEvent event, String field) {
		if (!present) {
			throw new PoisonMessageException(event.type() + " " + event.eventId() + " has no " + field);
		}
	}

	private static void requireAddress(OrderEvent event) {
		String address = event.customerEmail();
		require(address != null && !address.isBlank(), event, "customerEmail");
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (address.length() > MAX_ADDRESS_LENGTH || parsed.getPersonal() != null
					|| !parsed.getAddress().equals(address.strip())) {
				throw new AddressException("not a plain address", address);
			}
		}
		catch (AddressException ex) {
			throw new PoisonMessageException(
					event.type() + " " + event.eventId() + " has an undeliverable customerEmail", ex);
		}
	}

}
