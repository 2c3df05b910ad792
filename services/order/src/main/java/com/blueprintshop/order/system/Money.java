package com.blueprintshop.order.system;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money: exact decimals with two places, never a floating-point number.
 *
 * @param amount the amount (a JSON number)
 * @param currency the ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public boolean sameAs(Money other) {
		return this.currency.equals(other.currency) && this.amount.compareTo(other.amount) == 0;
	}

}
