package com.blueprintshop.payment.provider;

/** The provider's answer to a cancel. */
public enum VoidOutcome {

	/** An approved authorization was released. */
	VOIDED,

	/** There was nothing to release (declined, never made, or already cancelled). */
	NOTHING_TO_VOID

}
