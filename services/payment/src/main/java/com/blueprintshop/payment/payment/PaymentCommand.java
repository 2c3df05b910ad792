package com.blueprintshop.payment.payment;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import com.blueprintshop.payment.system.Money;

/** The commands the order saga sends on {@code payment.commands}, already checked. */
public sealed interface PaymentCommand {

	/** What a card token looks like, however the command arrives. */
	Pattern CARD_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	/** A card's last four digits. */
	Pattern CARD_LAST4 = Pattern.compile("[0-9]{4}");

	UUID eventId();

	UUID orderId();

	/**
	 * @param amount more than zero, two decimals, a three-letter currency
	 * @param cardToken the provider's token for the card ({@code POST /cards/tokens})
	 * @param cardLast4 its last four digits
	 */
	record AuthorizePayment(UUID eventId, Instant occurredAt, UUID orderId, Money amount, String cardToken,
			String cardLast4) implements PaymentCommand {
	}

	record VoidPayment(UUID eventId, Instant occurredAt, UUID orderId) implements PaymentCommand {
	}

}
