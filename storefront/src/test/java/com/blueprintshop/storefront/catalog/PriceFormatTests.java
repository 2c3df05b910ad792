package com.blueprintshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.blueprintshop.storefront.StorefrontProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceFormatTests {

	private final PriceFormat irish = new PriceFormat(new StorefrontProperties("http://gateway", List.of(),
			Locale.forLanguageTag("en-IE")));

	@Test
	void writesEurosWithTheSymbolAndTwoDecimals() {
		assertThat(this.irish.format(new Money(new BigDecimal("19.99"), "EUR"))).isEqualTo("€19.99");
		assertThat(this.irish.format(new Money(new BigDecimal("1234.5"), "EUR"))).isEqualTo("€1,234.50");
		assertThat(this.irish.format(new Money(new BigDecimal("120"), "EUR"))).isEqualTo("€120.00");
	}

	@Test
	void neverRoundsAPrice() {
		assertThat(this.irish.format(new Money(new BigDecimal("0.105"), "EUR"))).isEqualTo("€0.105");
	}

	@Test
	void followsTheShopsLocale() {
		PriceFormat german = new PriceFormat(new StorefrontProperties("http://gateway", List.of(), Locale.GERMANY));
		assertThat(german.format(new Money(new BigDecimal("1234.50"), "EUR"))).isEqualTo("1.234,50\u00a0€");
	}

	@Test
	void showsAnUnknownCurrencyByItsCode() {
		assertThat(this.irish.format(new Money(new BigDecimal("5.00"), "XYZ1"))).isEqualTo("5.00 XYZ1");
		assertThat(this.irish.format(null)).isEmpty();
	}

}
