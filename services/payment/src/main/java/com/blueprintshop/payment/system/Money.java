package com.blueprintshop.payment.system;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of money to authorize: exact decimals, never a floating-point number; more than
 * zero, at most two decimals (cents) and below the ten billion a {@code numeric(12, 2)} holds.
 *
 * @param amount the amount with two decimals (a JSON number)
 * @param currency the ISO 4217 code, three capital letters
 */
public record Money(BigDecimal amount, String currency) {

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final BigDecimal LIMIT = new BigDecimal("10000000000");

	public Money {
		if (amount == null || amount.signum() <= 0) {
			throw new IllegalArgumentException("amount must be more than zero");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("amount must have at most two decimals");
		}
		if (amount.compareTo(LIMIT) >= 0) {
			throw new IllegalArgumentException("amount must be below " + LIMIT.toPlainString());
		}
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new IllegalArgumentException("currency must be three capital letters");
		}
		amount = amount.setScale(2);
	}

}
