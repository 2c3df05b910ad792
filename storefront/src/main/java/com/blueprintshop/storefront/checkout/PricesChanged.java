package com.blueprintshop.storefront.checkout;

import java.util.List;

import com.blueprintshop.storefront.catalog.Money;

/**
 * The order service's 409 when a line's price is no longer the one in the cart: its problem
 * {@code type} ends with {@code prices-changed} and it lists the changes.
 */
record PricesChanged(String type, String detail, List<Change> changes) {

	static final String TYPE_SUFFIX = "prices-changed";

	PricesChanged {
		changes = (changes != null) ? List.copyOf(changes) : List.of();
	}

	record Change(String sku, String productName, Money was, Money now) {
	}

}
