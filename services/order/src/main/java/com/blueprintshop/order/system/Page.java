package com.blueprintshop.order.system;

import java.util.List;

/**
 * One page of a longer ordered list, in the shape every service's paged endpoints share.
 *
 * @param <T> the item type
 * @param items the items on this page
 * @param page the 1-based page number
 * @param size the page size asked for
 * @param totalItems how many items all pages hold together
 * @param totalPages how many pages there are at this size
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
		int totalPages = (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size);
		return new Page<>(List.copyOf(items), page, size, totalItems, totalPages);
	}

}
