package com.blueprintshop.catalog.search;

/** A product name offered while the shopper types, with where it leads. */
public record Suggestion(String name, String slug) {
}
