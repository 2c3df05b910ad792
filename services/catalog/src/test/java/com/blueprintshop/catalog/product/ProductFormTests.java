package com.blueprintshop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductFormTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void acceptsPricesAboveZeroUpToOneHundredThousandWithTwoDecimals() {
		assertThat(errors(price("0.01", "EUR"))).isEmpty();
		assertThat(errors(price("19.99", "EUR"))).isEmpty();
		assertThat(errors(price("19.9", "EUR"))).isEmpty();
		assertThat(errors(price("100000", "EUR"))).isEmpty();
		assertThat(errors(price("100000.00", "EUR"))).isEmpty();
	}

	@Test
	void refusesZeroNegativeAndTooLargePrices() {
		assertThat(errors(price("0", "EUR"))).containsExactly("price.amount: must be greater than 0");
		assertThat(errors(price("-5.00", "EUR"))).containsExactly("price.amount: must be greater than 0");
		assertThat(errors(price("100000.01", "EUR"))).containsExactly("price.amount: must be at most 100000");
	}

	@Test
	void refusesFractionsOfACent() {
		assertThat(errors(price("19.999", "EUR"))).containsExactly("price.amount: must have at most two decimals");
	}

	@Test
	void refusesOtherCurrenciesAndMissingParts() {
		assertThat(errors(price("10.00", "USD"))).containsExactly("price.currency: must be EUR");
		assertThat(errors(new ProductForm("Lamp", "", "lighting", new ProductForm.Price(null, "EUR"), false, null)))
			.containsExactly("price.amount: must not be null");
		assertThat(errors(new ProductForm("Lamp", "", "lighting", null, false, null)))
			.containsExactly("price: must not be null");
	}

	@Test
	void boundsNameAndDescription() {
		assertThat(errors(new ProductForm(" ", "", "lighting", new ProductForm.Price(BigDecimal.TEN, "EUR"), false, null)))
			.containsExactly("name: must not be blank");
		assertThat(errors(new ProductForm("x".repeat(121), "d".repeat(4001), "lighting",
				new ProductForm.Price(BigDecimal.TEN, "EUR"), false, null)))
			.containsExactlyInAnyOrder("name: size must be between 0 and 120",
					"description: size must be between 0 and 4000");
	}

	@Test
	void moneyKeepsExactlyTwoDecimals() {
		assertThat(new Money(new BigDecimal("19.9"), "EUR").amount()).isEqualTo(new BigDecimal("19.90"));
		assertThat(Money.eur("5").amount().toPlainString()).isEqualTo("5.00");
	}

	private static ProductForm price(String amount, String currency) {
		return new ProductForm("Walnut Desk Lamp", "A lamp.", "lighting",
				new ProductForm.Price(new BigDecimal(amount), currency), false, null);
	}

	private static Set<String> errors(ProductForm form) {
		Set<ConstraintViolation<ProductForm>> violations = validator.validate(form);
		return violations.stream()
			.map((v) -> v.getPropertyPath() + ": " + v.getMessage())
			.collect(Collectors.toSet());
	}

}
