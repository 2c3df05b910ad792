package com.blueprintshop.order.order;

/**
 * Where the order goes.
 *
 * @param name the recipient
 * @param line1 street and number
 * @param line2 more of the address, or {@code null}
 * @param city the city
 * @param postcode the postal code
 * @param country ISO 3166 alpha-2 code
 */
public record ShippingAddress(String name, String line1, String line2, String city, String postcode,
		String country) {
}
