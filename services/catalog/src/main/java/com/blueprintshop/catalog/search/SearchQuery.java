package com.blueprintshop.catalog.search;

import java.math.BigDecimal;

/**
 * A shopper's search, already bounded by the web layer.
 *
 * @param text the words, 1 to 100 characters
 * @param categorySlug restrict to this category and its descendants, or {@code null}
 * @param minPrice the least price, or {@code null}
 * @param maxPrice the greatest price (inclusive), or {@code null}
 */
public record SearchQuery(String text, String categorySlug, BigDecimal minPrice, BigDecimal maxPrice) {
}
