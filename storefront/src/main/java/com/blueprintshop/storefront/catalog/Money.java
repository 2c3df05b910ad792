package com.blueprintshop.storefront.catalog;

import java.math.BigDecimal;

/** An exact amount in a currency, as catalog sends it ({@code {"amount": 19.99, "currency": "EUR"}}). */
public record Money(BigDecimal amount, String currency) {
}
