package com.blueprintshop.inventory.sku;

import java.util.SplittableRandom;

/**
 * The demo stock of a SKU, the same for the same random seed whatever order SKUs are learned in
 * and whichever instance learns them: a SKU draws from its own stream (seed and code). About 3%
 * of SKUs are out of stock everywhere; the others have 0..40 units per warehouse — except the
 * product the end-to-end tests buy, which always has at least 20 in each.
 */
final class StockGenerator {

	static final String ALWAYS_IN_STOCK_SLUG = "studio-wireless-headphones";

	static final String ALWAYS_IN_STOCK_NAME = "Studio Wireless Headphones";

	private final long seed;

	StockGenerator(long seed) {
		this.seed = seed;
	}

	/** Units on hand in each of {@code warehouses} warehouses (in warehouse id order). */
	int[] onHand(String sku, String productSlug, String productName, int warehouses) {
		SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + sku.hashCode());
		boolean soldOut = random.nextInt(100) < 3;
		boolean alwaysInStock = ALWAYS_IN_STOCK_SLUG.equals(productSlug) || ALWAYS_IN_STOCK_NAME.equals(productName);
		int[] units = new int[warehouses];
		for (int i = 0; i < warehouses; i++) {
			int drawn = random.nextInt(41);
			if (alwaysInStock) {
				units[i] = 20 + drawn % 21;
			}
			else {
				units[i] = soldOut ? 0 : drawn;
			}
		}
		return units;
	}

}
