package com.blueprintshop.perflab.journey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.blueprintshop.perflab.shop.ShopperPool;

/**
 * What the journeys need that is fixed before the load starts.
 *
 * @param searchWords words that occur in the seeded catalog's product names
 * @param stockSkus active SKUs the staff's stock files count
 * @param shoppers accounts for the buy and account journeys, or null when the profile has none
 * @param adminEmail the staff account
 * @param adminPassword its password, or null when the profile has no staff journey
 */
public record ShopData(List<String> searchWords, List<String> stockSkus, ShopperPool shoppers, String adminEmail,
		String adminPassword) {

	/** Product and material words of the generated catalog (catalog's seed Taxonomy). */
	public static final List<String> SEARCH_WORDS = List.of("headphones", "earbuds", "speaker", "turntable",
			"amplifier", "microphone", "wok", "teapot", "blender", "knife", "lamp", "rug", "sofa", "vase", "tent",
			"sleeping bag", "boots", "jacket", "shirt", "jeans", "cardigan", "laptop", "monitor", "keyboard", "mouse",
			"router", "running shoes", "kettlebell", "notebook", "planner", "walnut", "linen", "wireless", "waterproof");

	/** Staff count stock in these warehouses (inventory's seeded ones). */
	static final List<String> WAREHOUSES = List.of("DUB", "RTM");

	static final int STOCK_ROWS = 5;

	String randomWord() {
		return this.searchWords.get(ThreadLocalRandom.current().nextInt(this.searchWords.size()));
	}

	/**
	 * A small stock count: a few SKUs in both warehouses, with generous numbers so that the buy
	 * journeys running beside it keep finding stock.
	 */
	byte[] stockCsv() {
		StringBuilder csv = new StringBuilder("sku,warehouse,on_hand\n");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// distinct SKUs: inventory turns down a second row for the same SKU and warehouse
		List<String> skus = new java.util.ArrayList<>(this.stockSkus);
		java.util.Collections.shuffle(skus, random);
		for (String sku : skus.subList(0, Math.min(STOCK_ROWS, skus.size()))) {
			for (String warehouse : WAREHOUSES) {
				csv.append(sku).append(',').append(warehouse).append(',').append(40 + random.nextInt(41)).append('\n');
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
