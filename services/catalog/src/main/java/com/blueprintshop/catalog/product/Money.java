package com.blueprintshop.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money: exact decimals, never a floating-point number.
 *
 * @param amount the amount with two decimals (a JSON number)
 * @param currency the ISO 4217 code; EUR for now
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static Money eur(String amount) {
		return new Money(new BigDecimal(amount), "EUR");
	}

}
