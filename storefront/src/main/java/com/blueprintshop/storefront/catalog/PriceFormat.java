package com.blueprintshop.storefront.catalog;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import com.blueprintshop.storefront.StorefrontProperties;

import org.springframework.stereotype.Component;

/**
 * Prices as the shop writes them: the currency's symbol and the locale's separators, from the
 * exact decimal catalog sent ({@code ${@prices.format(product.price)}} gives "€19.99"). The
 * locale is the shop's, the language the pages are written in, not the browser's.
 */
@Component("prices")
class PriceFormat {

	private final Locale locale;

	PriceFormat(StorefrontProperties properties) {
		this.locale = properties.locale();
	}

	public String format(Money price) {
		return (price != null) ? format(price.amount(), price.currency()) : "";
	}

	public String format(BigDecimal amount, String currencyCode) {
		if (amount == null) {
			return "";
		}
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException | NullPointerException unknown) {
			return amount.toPlainString() + ((currencyCode != null) ? " " + currencyCode : "");
		}
		// NumberFormat is not thread-safe, and cheap enough to make per price
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(currency);
		// never round a price: show every digit catalog sent, at least the currency's usual ones
		int digits = Math.max(currency.getDefaultFractionDigits(), Math.max(amount.stripTrailingZeros().scale(), 0));
		format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
		format.setMaximumFractionDigits(digits);
		return format.format(amount);
	}

}
