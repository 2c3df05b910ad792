package com.blueprintshop.catalog.product;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.blueprintshop.catalog.system.Texts;

/**
 * What staff send to create or edit a product.
 *
 * @param name 1 to 120 characters
 * @param description at most 4,000 characters
 * @param categorySlug an active category
 * @param price more than 0 and at most 100,000 EUR, in cents
 * @param featured whether the home page features it
 * @param version the version the edit is based on (required to edit, ignored on create)
 */
public record ProductForm(
		@NotBlank @Size(max = 120) @Pattern(regexp = Texts.NO_CONTROL_CHARACTERS,
				message = "must not contain control characters") String name,
		@Size(max = 4000) @Pattern(regexp = Texts.NO_CONTROL_CHARACTERS_BUT_LINES,
				message = "must not contain control characters") String description,
		@NotBlank @Size(max = 80) String categorySlug, @NotNull @Valid Price price, boolean featured, Long version) {

	/**
	 * A price as entered.
	 *
	 * @param amount more than 0, at most 100,000, at most two decimals
	 * @param currency EUR (the only currency the shop sells in for now)
	 */
	public record Price(@NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
	@DecimalMax(value = "100000", message = "must be at most 100000") @Digits(integer = 6, fraction = 2,
			message = "must have at most two decimals") BigDecimal amount,
			@NotNull @Pattern(regexp = "EUR", message = "must be EUR") String currency) {

		Money toMoney() {
			return new Money(this.amount, this.currency);
		}

	}

}
