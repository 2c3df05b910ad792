package com.blueprintshop.catalog.sku;

import java.util.List;

/**
 * A slice of the SKU list in code order.
 *
 * @param items the SKUs
 * @param next the {@code after} value of the following slice, or {@code null} after the last one
 */
public record SkuList(List<SkuView> items, String next) {
}
