package com.blueprintshop.order.saga;

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

}
