package com.blueprintshop.inventory.system;

import java.util.regex.Pattern;

/** What a SKU code looks like (catalog's rule): checked before any lookup, so junk is a 400, not a miss. */
public final class SkuCodes {

	private static final Pattern SKU = Pattern.compile("[A-Z0-9-]{3,40}");

	public static final String RULE = "must be a SKU code: 3 to 40 capital letters, digits and hyphens";

	private SkuCodes() {
	}

	public static boolean isWellFormed(String sku) {
		return sku != null && SKU.matcher(sku).matches();
	}

}
