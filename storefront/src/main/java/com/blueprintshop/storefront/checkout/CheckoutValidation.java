package com.blueprintshop.storefront.checkout;

import java.time.YearMonth;

import org.springframework.validation.Errors;

/**
 * The mistakes the storefront can see for itself, so that the shopper hears of them without a
 * round trip (and without a card tokenized for nothing). The payment and order services check
 * everything again.
 */
final class CheckoutValidation {

	static final int MAX_NAME = 100;

	static final int MAX_LINE = 120;

	static final int MAX_CITY = 80;

	static final int MAX_POSTCODE = 16;

	/** How far ahead a card's expiry may be. */
	static final int MAX_YEARS_AHEAD = 20;

	private CheckoutValidation() {
	}

	static void validate(CheckoutForm form, Errors errors, YearMonth now) {
		text(errors, "name", form.getName(), MAX_NAME, "Enter the name of the person the parcel is for.");
		text(errors, "line1", form.getLine1(), MAX_LINE, "Enter the first line of the address.");
		if (form.getLine2() != null && form.getLine2().strip().length() > MAX_LINE) {
			errors.rejectValue("line2", "tooLong", "Keep this line to %d characters.".formatted(MAX_LINE));
		}
		text(errors, "city", form.getCity(), MAX_CITY, "Enter the town or city.");
		text(errors, "postcode", form.getPostcode(), MAX_POSTCODE, "Enter the postcode.");
		if (form.getCountry() == null || !Countries.ALL.containsKey(form.getCountry())) {
			errors.rejectValue("country", "unknown", "Choose a country we deliver to.");
		}
		if (!form.cardDigits().matches("\\d{12,19}")) {
			errors.rejectValue("cardNumber", "invalid", "Enter the card number: 12 to 19 digits.");
		}
		Integer month = number(form.getExpiryMonth(), 2);
		if (month == null || month < 1 || month > 12) {
			errors.rejectValue("expiryMonth", "invalid", "Enter the expiry month as a number from 1 to 12.");
			month = null;
		}
		Integer year = year(form.getExpiryYear());
		if (year == null || year < now.getYear() || year > now.getYear() + MAX_YEARS_AHEAD) {
			errors.rejectValue("expiryYear", "invalid", "Enter the expiry year as printed on the card, such as %d."
				.formatted(now.getYear() + 3));
		}
		else if (month != null && YearMonth.of(year, month).isBefore(now)) {
			errors.rejectValue("expiryMonth", "expired", "This card has expired.");
		}
		if (form.getCvc() == null || !form.getCvc().strip().matches("\\d{3,4}")) {
			errors.rejectValue("cvc", "invalid", "Enter the 3 or 4 digit security code from the back of the card.");
		}
	}

	/** The year as four digits; a two-digit year is this century's. */
	static Integer year(String typed) {
		Integer year = number(typed, 4);
		if (year != null && typed.strip().length() == 2) {
			year += 2000;
		}
		return year;
	}

	static Integer number(String typed, int maxDigits) {
		if (typed == null) {
			return null;
		}
		String text = typed.strip();
		if (text.isEmpty() || text.length() > maxDigits || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Integer.valueOf(text);
	}

	private static void text(Errors errors, String field, String value, int max, String missing) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "required", missing);
		}
		else if (value.strip().length() > max) {
			errors.rejectValue(field, "tooLong", "Keep this to %d characters.".formatted(max));
		}
	}

}
