package com.blueprintshop.catalog.search.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.CatalogVersions;
import com.blueprintshop.catalog.cache.HttpValidators;

import com.blueprintshop.catalog.search.ProductSearch;
import com.blueprintshop.catalog.search.SearchCache;
import com.blueprintshop.catalog.search.SearchQuery;
import com.blueprintshop.catalog.search.SearchResult;
import com.blueprintshop.catalog.search.Suggestion;
import com.blueprintshop.catalog.system.PageRequest;

@RestController
class SearchController {

	private final ProductSearch search;

	private final SearchCache results;

	private final CatalogVersions versions;

	private final HttpValidators validators;

	SearchController(ProductSearch search, SearchCache results, CatalogVersions versions, HttpValidators validators) {
		this.search = search;
		this.results = results;
		this.versions = versions;
		this.validators = validators;
	}

	@GetMapping("/search")
	SearchResult search(@RequestParam @NotBlank @Size(max = 100) String q,
			@RequestParam(required = false) @Size(max = 80) String category,
			@RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000") BigDecimal minPrice,
			@RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000") BigDecimal maxPrice,
			@RequestParam(defaultValue = "1") @Min(1) @Max(PageRequest.MAX_PAGE) int page,
			@RequestParam(defaultValue = "24") @Min(1) @Max(PageRequest.MAX_SIZE) int size, ServletWebRequest request) {
		CatalogVersion version = this.versions.current();
		if (this.validators.notModified(request, version.etag(), null)) {
			return null;
		}
		return this.results.search(version, new SearchQuery(q, category, minPrice, maxPrice),
				new PageRequest(page, size));
	}

	@GetMapping("/search/suggest")
	List<Suggestion> suggest(@RequestParam @NotBlank @Size(max = 100) String q,
			@RequestParam(defaultValue = "8") @Min(1) @Max(10) int limit) {
		return this.search.suggest(q, limit);
	}

}
