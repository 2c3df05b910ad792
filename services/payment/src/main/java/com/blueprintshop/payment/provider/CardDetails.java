package com.blueprintshop.payment.provider;

import java.time.YearMonth;

/**
 * A card's number, expiry and security code, on their way to the provider: they exist only in
 * memory for the length of a tokenization request and are never stored or logged. Its
 * {@link #toString()} shows the last four digits only, so that a careless log line cannot leak
 * the rest.
 *
 * @param number digits only, 12 to 19 of them, passing the Luhn check
 * @param expiry the last month the card is valid
 * @param cvc the security code, 3 or 4 digits
 */
public record CardDetails(String number, YearMonth expiry, String cvc) {

	public String last4() {
		return this.number.substring(this.number.length() - 4);
	}

	public CardBrand brand() {
		return CardBrand.of(this.number);
	}

	@Override
	public String toString() {
		return "CardDetails[number=…" + last4() + ", expiry=" + this.expiry + ", cvc=***]";
	}

}
