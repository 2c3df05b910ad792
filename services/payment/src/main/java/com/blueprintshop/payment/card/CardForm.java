package com.blueprintshop.payment.card;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.system.ApiException;

/**
 * A card as a shopper types it in, to be exchanged for a token. Its {@link #toString()} hides
 * the number and the security code, so that no log line can carry them.
 *
 * @param number 12 to 19 digits, spaces allowed between them, passing the Luhn check
 * @param expiryMonth 1 to 12
 * @param expiryYear four digits, this month or later, at most {@value #MAX_YEARS_AHEAD} years ahead
 * @param cvc the security code, 3 or 4 digits
 */
public record CardForm(String number, Integer expiryMonth, Integer expiryYear, String cvc) {

	static final int MAX_YEARS_AHEAD = 20;

	/** Longer than any card number with a space between every digit: the rest is not read. */
	private static final int MAX_NUMBER_INPUT = 40;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");

	/** The card, checked; a 400 problem naming every field in error otherwise. */
	public CardDetails validated(Clock clock) {
		List<FieldError> errors = new ArrayList<>();
		String digits = checkNumber(errors);
		YearMonth expiry = checkExpiry(YearMonth.now(clock), errors);
		if (this.cvc == null || this.cvc.isBlank()) {
			errors.add(new FieldError("cvc", "is required"));
		}
		else if (!CVC.matcher(this.cvc).matches()) {
			errors.add(new FieldError("cvc", "must be 3 or 4 digits"));
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		return new CardDetails(digits, expiry, this.cvc);
	}

	private String checkNumber(List<FieldError> errors) {
		if (this.number == null || this.number.isBlank()) {
			errors.add(new FieldError("number", "is required"));
			return null;
		}
		if (this.number.length() > MAX_NUMBER_INPUT) {
			errors.add(new FieldError("number", "must be 12 to 19 digits"));
			return null;
		}
		String digits = this.number.replace(" ", "");
		if (!DIGITS.matcher(digits).matches()) {
			errors.add(new FieldError("number", "must contain digits only"));
			return null;
		}
		if (digits.length() < 12 || digits.length() > 19) {
			errors.add(new FieldError("number", "must be 12 to 19 digits"));
			return null;
		}
		if (!passesLuhn(digits)) {
			errors.add(new FieldError("number", "is not a valid card number"));
			return null;
		}
		return digits;
	}

	private YearMonth checkExpiry(YearMonth now, List<FieldError> errors) {
		boolean monthOk = false;
		if (this.expiryMonth == null) {
			errors.add(new FieldError("expiryMonth", "is required"));
		}
		else if (this.expiryMonth < 1 || this.expiryMonth > 12) {
			errors.add(new FieldError("expiryMonth", "must be between 1 and 12"));
		}
		else {
			monthOk = true;
		}
		if (this.expiryYear == null) {
			errors.add(new FieldError("expiryYear", "is required"));
			return null;
		}
		if (this.expiryYear < 1000 || this.expiryYear > 9999) {
			errors.add(new FieldError("expiryYear", "must have four digits"));
			return null;
		}
		if (this.expiryYear < now.getYear()) {
			errors.add(new FieldError("expiryYear", "the card has expired"));
			return null;
		}
		if (this.expiryYear > now.getYear() + MAX_YEARS_AHEAD) {
			errors.add(new FieldError("expiryYear", "must be at most " + MAX_YEARS_AHEAD + " years ahead"));
			return null;
		}
		if (!monthOk) {
			return null;
		}
		YearMonth expiry = YearMonth.of(this.expiryYear, this.expiryMonth);
		if (expiry.isBefore(now)) {
			errors.add(new FieldError("expiryMonth", "the card has expired"));
			return null;
		}
		return expiry;
	}

	/** The Luhn (mod 10) check digit test: every second digit from the right doubled. */
	static boolean passesLuhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	@Override
	public String toString() {
		return "CardForm[number=(hidden), expiryMonth=" + this.expiryMonth + ", expiryYear=" + this.expiryYear
				+ ", cvc=(hidden)]";
	}

}
