package com.blueprintshop.inventory.system;

/** The Kafka topics inventory reads and writes (docs/messaging.md). */
public final class Topics {

	/** Commands from the order saga, keyed by order id. */
	public static final String COMMANDS = "inventory.commands";

	/** Inventory's answers to them, keyed by order id. */
	public static final String REPLIES = "inventory.replies";

	/** A SKU's totals after each change, keyed by SKU. */
	public static final String STOCK_CHANGED = "inventory.stock-changed";

	/** Catalog's product changes, keyed by product id. */
	public static final String CATALOG_CHANGED = "catalog.changed";

	private Topics() {
	}

}
