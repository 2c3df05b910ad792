package com.blueprintshop.order.checkout;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A checkout as the storefront sends it: the cart's lines with the price the shopper saw, a card
 * token from payment (never a card number) and where to deliver.
 */
public record CheckoutRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines,
		@NotNull @Valid Payment payment, @NotNull @Valid Address shippingAddress) {

	public record Line(@NotBlank @Pattern(regexp = "[A-Z0-9-]{3,40}", message = "must be a SKU code") String sku,
			@NotNull @Min(1) Integer quantity, @NotNull @Valid Price unitPrice) {
	}

	public record Price(@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
	}

	public record Payment(
			@NotBlank @Pattern(regexp = "tok_[A-Za-z0-9_-]{8,100}", message = "must be a card token from payment") String cardToken,
			@NotBlank @Pattern(regexp = "[0-9]{4}", message = "must be the card's last four digits") String cardLast4) {
	}

	public record Address(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String line1,
			@Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
			@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]+", message = "must be a postal code") String postcode,
			@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a country code such as IE") String country) {
	}

}
