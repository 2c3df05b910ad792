package com.blueprintshop.storefront.cart;

/** A new SKU for a cart that already holds {@link Cart#MAX_LINES} of them. */
class CartFullException extends RuntimeException {

	CartFullException() {
		super("The cart holds " + Cart.MAX_LINES + " different items already");
	}

}
