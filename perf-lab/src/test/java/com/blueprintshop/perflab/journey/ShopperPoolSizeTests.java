package com.blueprintshop.perflab.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.blueprintshop.perflab.shop.ShopperPool;
import org.junit.jupiter.api.Test;

class ShopperPoolSizeTests {

	@Test
	void thePoolCoversTheSignedInUsersInFlightWithAMargin() {
		// 2 arrivals/s, a quarter signed in, 40 s journeys: 20 in flight, 30 with the margin
		assertThat(ShopperPool.sizeFor(2, 0.25, 40)).isEqualTo(32);
		assertThat(ShopperPool.sizeFor(0.1, 0.25, 40)).isEqualTo(4);
		assertThat(ShopperPool.sizeFor(1000, 1, 40)).isEqualTo(500);
	}

}
