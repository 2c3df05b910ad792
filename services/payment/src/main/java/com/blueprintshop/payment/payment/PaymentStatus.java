package com.blueprintshop.payment.payment;

/** Where a payment stands; only PENDING is not final. */
public enum PaymentStatus {

	/** Recorded before the provider is asked; its answer is not recorded yet. */
	PENDING,

	/** The provider holds the amount on the card. */
	AUTHORIZED,

	/** The provider refused. */
	DECLINED,

	/** Cancelled: released at the provider, or cancelled before it was ever asked (a tombstone). */
	VOIDED

}
