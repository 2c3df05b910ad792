package com.blueprintshop.storefront.catalog;

import java.util.List;

/** One page of a longer list, as catalog sends it; {@code page} is 1-based. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public Page {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

}
