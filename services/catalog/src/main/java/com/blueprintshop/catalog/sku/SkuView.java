package com.blueprintshop.catalog.sku;

import java.util.UUID;

import com.blueprintshop.catalog.product.Money;

/**
 * A sellable variant with what other services need to sell it: its product and its current
 * price. Inventory learns the SKUs from it; order prices a checkout with it.
 *
 * @param sku its stock-keeping code
 * @param productId its product
 * @param productSlug the product's slug
 * @param productName the product's name
 * @param size its size, or {@code null}
 * @param colour its colour, or {@code null}
 * @param price its price now: the variant's own, or the product's
 * @param status the product's status: {@code ACTIVE} (sellable) or {@code RETIRED}
 */
public record SkuView(String sku, UUID productId, String productSlug, String productName, String size,
		String colour, Money price, String status) {
}
