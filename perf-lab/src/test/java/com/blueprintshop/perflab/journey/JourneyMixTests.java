package com.blueprintshop.perflab.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class JourneyMixTests {

	@Test
	void theMixIsBrowseHeavyAndAddsUpToAHundredPercent() {
		assertThat(Profile.MIX_WEIGHTS).containsExactly(java.util.Map.entry(Profile.BROWSE, 70),
				java.util.Map.entry(Profile.BUY, 15), java.util.Map.entry(Profile.ACCOUNT, 10),
				java.util.Map.entry(Profile.STAFF, 5));
		assertThat(Profile.MIX_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
		assertThat(Profile.describeMix()).isEqualTo("browse 70 %, buy 15 %, account 10 %, staff 5 %");
	}

	@Test
	void aQuarterOfTheMixSignsInAsShoppers() {
		assertThat(Profile.MIX.shopperShare()).isEqualTo(0.25);
		assertThat(Profile.BROWSE.needsShoppers()).isFalse();
		assertThat(Profile.ACCOUNT.needsShoppers()).isTrue();
		assertThat(Profile.STAFF.needsStaff()).isTrue();
		assertThat(Profile.BUY.needsStaff()).isFalse();
	}

	@Test
	void profilesAreNamedInLowerCase() {
		assertThat(Profile.of("staff")).isEqualTo(Profile.STAFF);
		assertThat(List.of(Profile.values()).stream().map(Profile::label))
			.containsExactly("browse", "buy", "account", "staff", "mix");
	}

	@Test
	void redirectHopsAreNamedByRouteNotById() {
		assertThat(Routes.hop("place order", "/orders/1b3e6d0c-1111-2222-3333-444455556666"))
			.isEqualTo("place order → /orders/{id}");
		assertThat(Routes.hop("add to cart", "/p/studio-wireless-headphones")).isEqualTo("add to cart → /p/{slug}");
		assertThat(Routes.of("/auth/login")).isEqualTo("/auth/login");
		assertThat(Routes.of("")).isEqualTo("/");
	}

	@Test
	void priceEditsWanderACentAroundThePrice() {
		assertThat(Journeys.nudged(new BigDecimal("19.99"))).isEqualByComparingTo("20.00");
		assertThat(Journeys.nudged(new BigDecimal("20.00"))).isEqualByComparingTo("19.99");
		assertThat(Journeys.nudged(new BigDecimal("0.01"))).isEqualByComparingTo("0.02");
	}

	@Test
	void theStockFileHasTheHeaderAndBothWarehouses() {
		ShopData data = new ShopData(ShopData.SEARCH_WORDS, List.of("HP-1-BLK"), null, "admin@blueprint.shop", "x");
		String csv = new String(data.stockCsv(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("sku,warehouse,on_hand\n").contains("HP-1-BLK,DUB,").contains("HP-1-BLK,RTM,");
		assertThat(csv.lines().skip(1)).allSatisfy((row) -> assertThat(Integer.parseInt(row.split(",")[2]))
			.isBetween(40, 80));
	}

}
