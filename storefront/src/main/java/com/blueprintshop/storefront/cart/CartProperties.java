package com.blueprintshop.storefront.cart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accountTtl how long a signed-in shopper's cart is kept after it last changed
 */
@ConfigurationProperties("shop.storefront.cart")
record CartProperties(Duration accountTtl) {

	CartProperties {
		if (accountTtl == null || accountTtl.isNegative() || accountTtl.isZero()) {
			accountTtl = Duration.ofDays(30);
		}
	}

}
