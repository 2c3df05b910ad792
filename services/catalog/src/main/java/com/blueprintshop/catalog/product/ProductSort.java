package com.blueprintshop.catalog.product;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.blueprintshop.catalog.system.ApiException;

/**
 * The orders a category page offers. Each maps to a fixed ORDER BY that ends in the id, so the
 * order is total and offset pages neither repeat nor skip a product; each has its index (see
 * V2__catalog.sql). Only these fragments ever reach the SQL, never the request's text.
 */
public enum ProductSort {

	PRICE_ASC("p.price_amount asc, p.id asc"), PRICE_DESC("p.price_amount desc, p.id desc"),
	NAME("p.name asc, p.id asc"), NEWEST("p.created_at desc, p.id desc");

	private final String orderBy;

	ProductSort(String orderBy) {
		this.orderBy = orderBy;
	}

	String orderBy() {
		return this.orderBy;
	}

	/** {@code price_asc}, {@code price_desc}, {@code name} or {@code newest}; {@code newest} when absent. */
	public static ProductSort parse(String value) {
		if (value == null || value.isBlank()) {
			return NEWEST;
		}
		return Arrays.stream(values())
			.filter((sort) -> sort.name().equalsIgnoreCase(value.strip()))
			.findFirst()
			.orElseThrow(() -> ApiException.invalid("sort", "must be one of " + Arrays.stream(values())
				.map((sort) -> sort.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "))));
	}

}
