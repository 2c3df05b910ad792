package com.blueprintshop.storefront.order;

/** Where an order goes, as the order service takes and returns it; {@code country} is an ISO code. */
public record Address(String name, String line1, String line2, String city, String postcode, String country) {
}
