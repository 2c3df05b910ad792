package com.blueprintshop.storefront.cart;

import java.math.BigDecimal;

import com.blueprintshop.storefront.catalog.Money;

/**
 * One SKU in a cart, with what the shopper saw when adding it: the product's name, the variant
 * and the unit price. Checkout sends that price; the order service says when it has changed.
 *
 * @param sku the SKU code
 * @param productSlug the product page it was added from
 * @param productName the product's name
 * @param variant what tells the variant apart ("Black · M"), or null
 * @param unitPrice the price per unit when added (or when last confirmed)
 * @param quantity how many, 1 to {@link Cart#MAX_QUANTITY}
 */
public record CartLine(String sku, String productSlug, String productName, String variant, Money unitPrice,
		int quantity) {

	public Money lineTotal() {
		if (this.unitPrice == null || this.unitPrice.amount() == null) {
			return null;
		}
		return new Money(this.unitPrice.amount().multiply(BigDecimal.valueOf(this.quantity)), this.unitPrice.currency());
	}

	/** The product's name and the variant, as a message names the line. */
	public String title() {
		return (this.variant != null) ? this.productName + " (" + this.variant + ")" : this.productName;
	}

	CartLine withQuantity(int quantity) {
		return new CartLine(this.sku, this.productSlug, this.productName, this.variant, this.unitPrice, quantity);
	}

	CartLine withUnitPrice(Money unitPrice) {
		return new CartLine(this.sku, this.productSlug, this.productName, this.variant, unitPrice, this.quantity);
	}

}
