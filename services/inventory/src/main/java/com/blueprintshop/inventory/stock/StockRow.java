package com.blueprintshop.inventory.stock;

/**
 * One SKU in one warehouse as read, with the version a compare-and-swap must still find.
 *
 * @param sku the SKU
 * @param warehouseId the warehouse
 * @param onHand units physically there
 * @param reserved units of those held for orders
 * @param version bumped by every change of the row
 */
public record StockRow(String sku, short warehouseId, int onHand, int reserved, long version) {

	public int available() {
		return this.onHand - this.reserved;
	}

}
