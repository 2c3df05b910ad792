package com.blueprintshop.payment.simulator;

import java.util.function.Supplier;

import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.CardBrand;
import com.blueprintshop.payment.provider.VoidOutcome;
import com.blueprintshop.payment.system.Money;

/**
 * What the simulated provider remembers, so that it answers a repeated request as it did the
 * first time. Each operation is atomic: two calls with the same key at once still get one answer.
 */
interface SimulatorLedger {

	/** The reason an authorization gets when its cancel came first. */
	String CANCELLED = "cancelled";

	/**
	 * The answer recorded for {@code key}; if there is none, {@code decide}'s, recorded now
	 * (or a decline {@value #CANCELLED} when a cancel for {@code key} came first).
	 */
	Authorization authorizeOnce(String key, Money amount, Supplier<Authorization> decide);

	/**
	 * The answer recorded for {@code voidKey}; if there is none, releases the approved
	 * authorization made under {@code authorizeKey}, if any, and records that.
	 */
	VoidOutcome voidOnce(String voidKey, String authorizeKey);

	void rememberCard(String token, CardBrand brand);

	boolean knowsCard(String token);

}
