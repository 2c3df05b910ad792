package com.blueprintshop.storefront.cart;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.IntStream;

import com.blueprintshop.storefront.catalog.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CartTests {

	static final Money EUR_19_99 = new Money(new BigDecimal("19.99"), "EUR");

	final CartCodec codec = new CartCodec(JsonMapper.builder().build());

	@Test
	void addsTheSameSkusQuantitiesUpToTen() {
		Cart cart = Cart.EMPTY.add(line("A", 8)).add(line("A", 5));

		assertThat(cart.lines()).hasSize(1);
		assertThat(cart.line("A").quantity()).isEqualTo(Cart.MAX_QUANTITY);
		assertThat(cart.count()).isEqualTo(10);
	}

	@Test
	void refusesAFiftyFirstSkuButStillAddsToOneItHas() {
		Cart full = Cart.EMPTY;
		for (int i = 0; i < Cart.MAX_LINES; i++) {
			full = full.add(line("SKU-" + i, 1));
		}
		Cart cart = full;

		assertThatExceptionOfType(CartFullException.class).isThrownBy(() -> cart.add(line("ONE-TOO-MANY", 1)));
		assertThat(cart.add(line("SKU-0", 2)).line("SKU-0").quantity()).isEqualTo(3);
	}

	@Test
	void mergesAnotherCartSummingQuantitiesAndLeavingOutWhatWouldNotFit() {
		Cart account = Cart.EMPTY;
		for (int i = 0; i < Cart.MAX_LINES - 1; i++) {
			account = account.add(line("SKU-" + i, 1));
		}
		Cart guest = Cart.EMPTY.add(line("SKU-0", 9)).add(line("NEW-1", 1)).add(line("NEW-2", 1));

		Cart merged = account.mergedWith(guest);

		assertThat(merged.lines()).hasSize(Cart.MAX_LINES);
		assertThat(merged.line("SKU-0").quantity()).isEqualTo(Cart.MAX_QUANTITY);
		assertThat(merged.line("NEW-1")).isNotNull();
		assertThat(merged.line("NEW-2")).isNull();
	}

	@Test
	void sumsTheSubtotalExactly() {
		Cart cart = Cart.EMPTY.add(line("A", 3)).add(new CartLine("B", "b", "B", null, new Money(new BigDecimal("0.10"), "EUR"), 3));

		assertThat(cart.subtotal()).isEqualTo(new Money(new BigDecimal("60.27"), "EUR"));
	}

	@Test
	void itsFingerprintChangesWithAQuantityOrAPriceButNotWithANewCopy() {
		Cart cart = Cart.EMPTY.add(line("A", 1)).add(line("B", 2));

		assertThat(new Cart(cart.lines()).fingerprint()).isEqualTo(cart.fingerprint());
		assertThat(cart.withQuantity("B", 3).fingerprint()).isNotEqualTo(cart.fingerprint());
		assertThat(cart.repriced(Map.of("A", new Money(new BigDecimal("21.00"), "EUR"))).fingerprint())
			.isNotEqualTo(cart.fingerprint());
	}

	@Test
	void storesACartAsSmallJsonAndReadsItBack() {
		Cart cart = Cart.EMPTY.add(new CartLine("HP-1-WHT", "studio-headphones", "Studio headphones", "White",
				new Money(new BigDecimal("21.50"), "EUR"), 2));

		String stored = this.codec.encode(cart);

		assertThat(stored).isEqualTo("{\"v\":1,\"lines\":[{\"sku\":\"HP-1-WHT\",\"slug\":\"studio-headphones\","
				+ "\"name\":\"Studio headphones\",\"variant\":\"White\",\"price\":{\"amount\":21.50,\"currency\":\"EUR\"},"
				+ "\"quantity\":2}]}");
		assertThat(this.codec.decode(stored)).isEqualTo(cart);
	}

	@Test
	void readsWhatItCannotUseAsAnEmptyCartOrDropsTheLinesThatBreakTheLimits() {
		assertThat(this.codec.decode("not json")).isEqualTo(Cart.EMPTY);
		String tooMany = IntStream.range(0, 60)
			.mapToObj((i) -> "{\"sku\":\"S%d\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"quantity\":%d}"
				.formatted(i, (i == 0) ? 99 : (i == 1) ? 0 : 1))
			.reduce((a, b) -> a + "," + b)
			.map((lines) -> "{\"v\":1,\"lines\":[" + lines + "]}")
			.orElseThrow();

		Cart cart = this.codec.decode(tooMany);

		assertThat(cart.lines()).hasSize(Cart.MAX_LINES);
		assertThat(cart.line("S0").quantity()).isEqualTo(Cart.MAX_QUANTITY);
		assertThat(cart.line("S1")).isNull();
	}

	static CartLine line(String sku, int quantity) {
		return new CartLine(sku, "p-" + sku, "Product " + sku, null, EUR_19_99, quantity);
	}

}
