package com.blueprintshop.storefront.order;

import java.util.Map;
import java.util.Set;

/**
 * The order statuses and what they mean to a shopper. An order is PENDING while the checkout
 * saga runs; once it is CONFIRMED, REJECTED, CANCELLED or SHIPPED the status page stops
 * following it.
 */
final class Statuses {

	static final String PENDING = "PENDING";

	static final String CANCELLED = "CANCELLED";

	static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", CANCELLED, "SHIPPED");

	/** After these, an order can no longer be cancelled. */
	static final Set<String> BEYOND_CANCELLING = Set.of("REJECTED", CANCELLED, "SHIPPED");

	private static final Map<String, String> DESCRIPTIONS = Map.of(PENDING,
			"We have your order and are reserving the stock and authorising your card.", "CONFIRMED",
			"Your order is confirmed: the stock is reserved for you and your card is authorised.", "REJECTED",
			"We could not accept your order. Your card has not been charged.", CANCELLED,
			"Your order is cancelled. Anything authorised on your card is released.", "SHIPPED",
			"Your order is on its way.");

	private Statuses() {
	}

	static boolean isFinal(String status) {
		return FINAL.contains(status);
	}

	static boolean known(String status) {
		return DESCRIPTIONS.containsKey(status);
	}

	static String describe(String status) {
		return DESCRIPTIONS.getOrDefault(status, "");
	}

}
