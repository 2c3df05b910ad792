package com.blueprintshop.storefront.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The pagination a list page shows: previous and next (also as {@code rel=prev/next} links in
 * the head), the first and last page, and a window of pages around the current one.
 *
 * @param page the current page, 1-based
 * @param totalPages how many pages there are
 * @param prev the previous page's URL, or null on the first page
 * @param next the next page's URL, or null on the last page
 * @param items the page numbers to show, with null numbers standing for elided runs
 */
public record PageLinks(int page, int totalPages, String prev, String next, List<Item> items) {

	private static final int WINDOW = 2;

	public static PageLinks of(int page, int totalPages, IntFunction<String> url) {
		List<Item> items = new ArrayList<>();
		int last = 0;
		for (int n = 1; n <= totalPages; n++) {
			boolean shown = n == 1 || n == totalPages || Math.abs(n - page) <= WINDOW;
			if (!shown) {
				continue;
			}
			if (n > last + 1) {
				items.add(Item.GAP);
			}
			items.add(new Item(n, url.apply(n), n == page));
			last = n;
		}
		String prev = (page > 1 && totalPages > 0) ? url.apply(Math.min(page - 1, totalPages)) : null;
		String next = (page < totalPages) ? url.apply(page + 1) : null;
		return new PageLinks(page, totalPages, prev, next, List.copyOf(items));
	}

	public boolean shown() {
		return this.totalPages > 1;
	}

	/**
	 * @param number the page number, or null for a gap
	 * @param url its URL
	 * @param current whether it is the page shown
	 */
	public record Item(Integer number, String url, boolean current) {

		static final Item GAP = new Item(null, null, false);

		public boolean gap() {
			return this.number == null;
		}

	}

}
