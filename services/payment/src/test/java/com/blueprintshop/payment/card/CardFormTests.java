package com.blueprintshop.payment.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.payment.provider.CardBrand;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.system.ApiException;

class CardFormTests {

	/** Mid-June 2030: June 2030 is still valid, May 2030 has expired. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-15T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void acceptsAValidCardWithSpacesBetweenItsDigits() {
		CardDetails card = new CardForm("4242 4242 4242 4242", 6, 2030, "123").validated(CLOCK);
		assertThat(card.number()).isEqualTo("4242424242424242");
		assertThat(card.expiry()).isEqualTo(YearMonth.of(2030, 6));
		assertThat(card.last4()).isEqualTo("4242");
		assertThat(card.brand()).isEqualTo(CardBrand.VISA);
	}

	@Test
	void tellsTheBrandFromTheLeadingDigits() {
		assertThat(new CardForm("5555555555554444", 1, 2031, "123").validated(CLOCK).brand())
			.isEqualTo(CardBrand.MASTERCARD);
		assertThat(new CardForm("2223003122003222", 1, 2031, "123").validated(CLOCK).brand())
			.isEqualTo(CardBrand.MASTERCARD);
		assertThat(new CardForm("378282246310005", 1, 2031, "1234").validated(CLOCK).brand()).isEqualTo(CardBrand.AMEX);
		assertThat(new CardForm("6011111111111117", 1, 2031, "123").validated(CLOCK).brand())
			.isEqualTo(CardBrand.DISCOVER);
	}

	@Test
	void passesTheLuhnCheckOnlyForNumbersWithTheRightCheckDigit() {
		assertThat(CardForm.passesLuhn("4242424242424242")).isTrue();
		assertThat(CardForm.passesLuhn("79927398713")).isTrue();
		assertThat(CardForm.passesLuhn("4242424242424241")).isFalse();
		assertThat(CardForm.passesLuhn("79927398710")).isFalse();
	}

	@Test
	void rejectsANumberThatFailsTheLuhnCheck() {
		assertThat(errors(new CardForm("4242424242424241", 6, 2030, "123")))
			.containsExactly(new FieldError("number", "is not a valid card number"));
	}

	@Test
	void rejectsANumberWithOtherCharactersThanDigitsAndSpaces() {
		assertThat(errors(new CardForm("4242-4242-4242-4242", 6, 2030, "123")))
			.containsExactly(new FieldError("number", "must contain digits only"));
	}

	@Test
	void rejectsNumbersShorterThanTwelveOrLongerThanNineteenDigits() {
		// 11 and 20 digits that pass the Luhn check, so only their length is wrong
		assertThat(errors(new CardForm("79927398713", 6, 2030, "123")))
			.containsExactly(new FieldError("number", "must be 12 to 19 digits"));
		assertThat(errors(new CardForm("42424242424242424242", 6, 2030, "123")))
			.containsExactly(new FieldError("number", "must be 12 to 19 digits"));
		assertThat(errors(new CardForm("4".repeat(41), 6, 2030, "123")))
			.containsExactly(new FieldError("number", "must be 12 to 19 digits"));
	}

	@Test
	void rejectsACardThatExpiredInAnEarlierYearOrAnEarlierMonthOfThisYear() {
		assertThat(errors(new CardForm("4242424242424242", 12, 2029, "123")))
			.containsExactly(new FieldError("expiryYear", "the card has expired"));
		assertThat(errors(new CardForm("4242424242424242", 5, 2030, "123")))
			.containsExactly(new FieldError("expiryMonth", "the card has expired"));
	}

	@Test
	void rejectsAMonthOutsideOneToTwelveAndAYearTooFarAhead() {
		assertThat(errors(new CardForm("4242424242424242", 13, 2031, "123")))
			.containsExactly(new FieldError("expiryMonth", "must be between 1 and 12"));
		assertThat(errors(new CardForm("4242424242424242", 0, 2031, "123")))
			.containsExactly(new FieldError("expiryMonth", "must be between 1 and 12"));
		assertThat(errors(new CardForm("4242424242424242", 1, 2051, "123")))
			.containsExactly(new FieldError("expiryYear", "must be at most 20 years ahead"));
		assertThat(errors(new CardForm("4242424242424242", 1, 31, "123")))
			.containsExactly(new FieldError("expiryYear", "must have four digits"));
	}

	@Test
	void rejectsASecurityCodeThatIsNotThreeOrFourDigits() {
		assertThat(errors(new CardForm("4242424242424242", 6, 2030, "12")))
			.containsExactly(new FieldError("cvc", "must be 3 or 4 digits"));
		assertThat(errors(new CardForm("4242424242424242", 6, 2030, "12345")))
			.containsExactly(new FieldError("cvc", "must be 3 or 4 digits"));
		assertThat(errors(new CardForm("4242424242424242", 6, 2030, "12a")))
			.containsExactly(new FieldError("cvc", "must be 3 or 4 digits"));
	}

	@Test
	void namesEveryMissingField() {
		assertThat(errors(new CardForm(null, null, null, null))).extracting(FieldError::field)
			.containsExactly("number", "expiryMonth", "expiryYear", "cvc");
	}

	@Test
	void neverShowsTheNumberOrTheSecurityCodeWhenPrinted() {
		CardForm form = new CardForm("4242424242424242", 6, 2030, "987");
		assertThat(form.toString()).doesNotContain("4242424242424242").doesNotContain("987");
		CardDetails card = form.validated(CLOCK);
		assertThat(card.toString()).doesNotContain("4242424242424242").doesNotContain("987").contains("4242");
	}

	private static List<FieldError> errors(CardForm form) {
		return catchThrowableOfType(ApiException.class, () -> form.validated(CLOCK)).errors();
	}

}
