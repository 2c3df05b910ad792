package com.blueprintshop.catalog.search;

import java.math.BigDecimal;
import java.util.List;

import com.blueprintshop.catalog.product.ProductSummary;

/**
 * A page of search results with facets over all of them.
 *
 * @param query the query as the shopper typed it
 * @param items this page, best match first
 * @param page the 1-based page number
 * @param size the page size
 * @param totalItems how many products match
 * @param totalPages how many pages there are at this size
 * @param facets counts over every match, not just this page
 * @param didYouMean the corrected query whose results these are, or {@code null} when the query
 * was searched as typed
 */
public record SearchResult(String query, List<ProductSummary> items, int page, int size, long totalItems,
		int totalPages, Facets facets, String didYouMean) {

	/**
	 * Each facet counts the matches under every other filter, so a shopper sees what choosing
	 * another category or price range would give (without filters both add up to
	 * {@code totalItems}).
	 *
	 * @param categories matches per category, most first
	 * @param prices matches per price range, cheapest range first, empty ranges left out
	 */
	public record Facets(List<CategoryFacet> categories, List<PriceFacet> prices) {
	}

	public record CategoryFacet(String slug, String name, long count) {
	}

	/**
	 * @param min the least price in the range
	 * @param max the greatest price in the range, {@code null} for the last range
	 * @param label how a page shows the range
	 * @param count matches in the range
	 */
	public record PriceFacet(BigDecimal min, BigDecimal max, String label, long count) {
	}

}
