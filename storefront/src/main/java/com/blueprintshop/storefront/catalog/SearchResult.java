package com.blueprintshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What catalog found for a search, with the facets to narrow it and a spelling suggestion. */
public record SearchResult(String query, List<ProductSummary> items, int page, int size, long totalItems,
		int totalPages, Facets facets, String didYouMean) {

	public SearchResult {
		items = (items != null) ? List.copyOf(items) : List.of();
		facets = (facets != null) ? facets : new Facets(List.of(), List.of());
	}

	public record Facets(List<CategoryFacet> categories, List<PriceFacet> prices) {

		public Facets {
			categories = (categories != null) ? List.copyOf(categories) : List.of();
			prices = (prices != null) ? List.copyOf(prices) : List.of();
		}

	}

	public record CategoryFacet(String slug, String name, long count) {
	}

	/** A price band; an open end is null. */
	public record PriceFacet(BigDecimal min, BigDecimal max, String label, long count) {
	}

}
