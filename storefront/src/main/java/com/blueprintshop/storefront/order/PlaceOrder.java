package com.blueprintshop.storefront.order;

import java.util.List;

import com.blueprintshop.storefront.catalog.Money;

/**
 * What checkout sends to place an order ({@code POST /api/order/orders}): the cart's lines at
 * the prices the shopper saw, the tokenized card and the shipping address.
 */
public record PlaceOrder(List<Line> lines, Payment payment, Address shippingAddress) {

	public record Line(String sku, int quantity, Money unitPrice) {
	}

	public record Payment(String cardToken, String cardLast4) {
	}

}
