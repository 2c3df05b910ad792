package com.blueprintshop.inventory.stock;

import java.time.Instant;
import java.util.UUID;

/**
 * What goes to {@code inventory.stock-changed} (keyed by SKU): a SKU's totals over all
 * warehouses after a change. A SKU that is not reservable (its product retired) is available 0.
 */
public record StockChanged(UUID eventId, String type, Instant occurredAt, String sku, int onHand, int reserved,
		int available) {

	public static final String TYPE = "StockChanged";

}
