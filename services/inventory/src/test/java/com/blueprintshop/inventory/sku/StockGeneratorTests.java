package com.blueprintshop.inventory.sku;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class StockGeneratorTests {

	@Test
	void theSameSeedGivesTheSameStockAndAnotherSeedOtherStock() {
		StockGenerator one = new StockGenerator(42);
		StockGenerator again = new StockGenerator(42);
		StockGenerator other = new StockGenerator(43);
		int differ = 0;
		for (int i = 0; i < 200; i++) {
			String sku = String.format(Locale.ROOT, "BP%06d-1", i);
			assertThat(one.onHand(sku, "p", "P", 2)).isEqualTo(again.onHand(sku, "p", "P", 2));
			if (!Arrays.equals(one.onHand(sku, "p", "P", 2), other.onHand(sku, "p", "P", 2))) {
				differ++;
			}
		}
		assertThat(differ).isGreaterThan(150);
	}

	@Test
	void countsAreBetween0And40AndAboutThreePercentAreSoldOutEverywhere() {
		StockGenerator generator = new StockGenerator(42);
		int soldOut = 0;
		int total = 10_000;
		for (int i = 0; i < total; i++) {
			int[] units = generator.onHand(String.format(Locale.ROOT, "BP%06d-%d", i / 3, i % 3 + 1), "p", "P", 2);
			assertThat(units).hasSize(2);
			assertThat(Arrays.stream(units).boxed().toList()).allSatisfy((n) -> assertThat(n).isBetween(0, 40));
			if (units[0] == 0 && units[1] == 0) {
				soldOut++;
			}
		}
		// 3% drawn sold out, plus the few that draw 0 twice (1/41 squared)
		assertThat(soldOut).isBetween(200, 450);
	}

	@Test
	void theHeadphonesTheEndToEndTestsBuyAlwaysHaveAtLeast20InEachWarehouse() {
		StockGenerator generator = new StockGenerator(42);
		for (int i = 0; i < 500; i++) {
			String sku = String.format(Locale.ROOT, "BP%06d-1", i);
			assertThat(Arrays.stream(generator.onHand(sku, "studio-wireless-headphones", "Studio Wireless Headphones", 2))
				.boxed()
				.toList()).allSatisfy((n) -> assertThat(n).isBetween(20, 40));
			assertThat(Arrays.stream(generator.onHand(sku, "other-slug", "Studio Wireless Headphones", 2)).boxed().toList())
				.allSatisfy((n) -> assertThat(n).isGreaterThanOrEqualTo(20));
		}
	}

}
