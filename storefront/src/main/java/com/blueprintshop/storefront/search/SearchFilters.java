package com.blueprintshop.storefront.search;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.blueprintshop.storefront.catalog.SearchResult.CategoryFacet;
import com.blueprintshop.storefront.catalog.SearchResult.PriceFacet;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shopper searched for and how it is narrowed, and the links that change one filter
 * while keeping the others (every change starts again at page 1).
 */
record SearchFilters(String q, String category, BigDecimal minPrice, BigDecimal maxPrice) {

	public String url(int page) {
		return url(this.q, this.category, this.minPrice, this.maxPrice, page);
	}

	public String withQuery(String query) {
		return url(query, this.category, this.minPrice, this.maxPrice, 1);
	}

	public String withCategory(String slug) {
		return url(this.q, slug, this.minPrice, this.maxPrice, 1);
	}

	public String withoutCategory() {
		return withCategory(null);
	}

	public String withPrice(BigDecimal min, BigDecimal max) {
		return url(this.q, this.category, min, max, 1);
	}

	public String withoutPrice() {
		return withPrice(null, null);
	}

	public boolean priceFiltered() {
		return this.minPrice != null || this.maxPrice != null;
	}

	public boolean selected(CategoryFacet facet) {
		return Objects.equals(facet.slug(), this.category);
	}

	public boolean selected(PriceFacet facet) {
		return priceFiltered() && same(facet.min(), this.minPrice) && same(facet.max(), this.maxPrice);
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static String url(String q, String category, BigDecimal min, BigDecimal max, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/search").queryParam("q", "{q}");
		Map<String, Object> values = new HashMap<>();
		values.put("q", q);
		if (category != null) {
			url.queryParam("category", "{category}");
			values.put("category", category);
		}
		if (min != null) {
			url.queryParam("minPrice", min.toPlainString());
		}
		if (max != null) {
			url.queryParam("maxPrice", max.toPlainString());
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		// values expanded after the template is encoded, so they are encoded strictly: a '&',
		// '+' or '#' the shopper typed stays in the query
		return url.encode().buildAndExpand(values).toUriString();
	}

}
