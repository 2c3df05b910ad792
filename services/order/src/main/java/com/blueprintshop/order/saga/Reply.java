package com.blueprintshop.order.saga;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * An answer from inventory or payment, reduced to what the saga decides on.
 *
 * @param kind what it says
 * @param detail for a refusal, a sentence for the shopper
 */
record Reply(Kind kind, String detail) {

	enum Kind {

		STOCK_RESERVED, STOCK_UNAVAILABLE, STOCK_COMMITTED, STOCK_RELEASED, PAYMENT_AUTHORIZED, PAYMENT_DECLINED,
		PAYMENT_VOIDED

	}

	static Reply of(Kind kind) {
		return new Reply(kind, null);
	}

	/**
	 * Reads an answer as docs/messaging.md has it, whether it came on a replies topic or as the
	 * body of an internal REST call.
	 * @return the reply, or {@code null} for a type the saga does not know
	 */
	static Reply read(JsonNode message) {
		return switch (message.path("type").asString("")) {
			case "StockReserved" -> of(Kind.STOCK_RESERVED);
			case "StockUnavailable" -> new Reply(Kind.STOCK_UNAVAILABLE, shortage(message));
			case "StockCommitted" -> of(Kind.STOCK_COMMITTED);
			case "StockReleased" -> of(Kind.STOCK_RELEASED);
			case "PaymentAuthorized" -> of(Kind.PAYMENT_AUTHORIZED);
			case "PaymentDeclined" -> new Reply(Kind.PAYMENT_DECLINED,
					"The payment was declined: " + message.path("reason").asString("no reason given") + ".");
			case "PaymentVoided" -> of(Kind.PAYMENT_VOIDED);
			default -> null;
		};
	}

	/** "Not enough stock of SKU-1 (2 left, 3 asked for)." for the shopper's order page. */
	private static String shortage(JsonNode message) {
		List<String> parts = new ArrayList<>();
		for (JsonNode shortage : message.path("shortages")) {
			parts.add(shortage.path("sku").asString("?") + " (" + shortage.path("available").asInt(0) + " left, "
					+ shortage.path("requested").asInt(0) + " asked for)");
		}
		return parts.isEmpty() ? "Some items are out of stock."
				: "Not enough stock of " + String.join(", ", parts) + ".";
	}

}
