package com.blueprintshop.payment.provider;

/** The card schemes, told apart by the leading digits of the number (its IIN range). */
public enum CardBrand {

	VISA, MASTERCARD, AMEX, DISCOVER, UNKNOWN;

	/** The brand of a card number that holds only digits. */
	public static CardBrand of(String digits) {
		if (digits.startsWith("4")) {
			return VISA;
		}
		if (digits.startsWith("34") || digits.startsWith("37")) {
			return AMEX;
		}
		if (digits.length() >= 4) {
			int two = Integer.parseInt(digits.substring(0, 2));
			int three = Integer.parseInt(digits.substring(0, 3));
			int four = Integer.parseInt(digits.substring(0, 4));
			if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
				return MASTERCARD;
			}
			if (four == 6011 || two == 65 || (three >= 644 && three <= 649)) {
				return DISCOVER;
			}
		}
		return UNKNOWN;
	}

}
