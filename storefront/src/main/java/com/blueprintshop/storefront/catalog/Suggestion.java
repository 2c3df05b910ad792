package com.blueprintshop.storefront.catalog;

/** A product name offered while the user types in the search box. */
public record Suggestion(String name, String slug) {
}
