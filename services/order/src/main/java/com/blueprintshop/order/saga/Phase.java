package com.blueprintshop.order.saga;

/** Where one order's checkout saga stands. */
enum Phase {

	/** ReserveStock sent; waiting for inventory. */
	AWAITING_STOCK,

	/** Stock reserved, AuthorizePayment sent; waiting for payment. */
	AWAITING_PAYMENT,

	/** Every step done; the order is confirmed. */
	CONFIRMED,

	/** A step failed or timed out; what was done is being undone. */
	REJECTED,

	/** The shopper cancelled; what was done is being undone. */
	CANCELLED;

	boolean waiting() {
		return this == AWAITING_STOCK || this == AWAITING_PAYMENT;
	}

}
