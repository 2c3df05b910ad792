package com.blueprintshop.order.order;

import java.util.UUID;

import com.blueprintshop.order.system.Money;

/**
 * What the shopper bought, as it was priced at checkout.
 *
 * @param lineNo its position, from 1
 * @param sku the variant
 * @param productId its product
 * @param productName the product's name at checkout
 * @param quantity how many
 * @param unitPrice the price of one at checkout
 */
public record OrderLine(int lineNo, String sku, UUID productId, String productName, int quantity, Money unitPrice) {

	public Money lineTotal() {
		return this.unitPrice.times(this.quantity);
	}

}
