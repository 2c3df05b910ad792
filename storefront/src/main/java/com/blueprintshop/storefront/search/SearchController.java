package com.blueprintshop.storefront.search;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.catalog.CatalogClient;
import com.blueprintshop.storefront.catalog.CatalogPages;
import com.blueprintshop.storefront.catalog.CatalogPages.CatalogPage;
import com.blueprintshop.storefront.catalog.SearchResult;
import com.blueprintshop.storefront.catalog.Suggestion;
import com.blueprintshop.storefront.system.BadRequestException;
import com.blueprintshop.storefront.system.GatewayException;
import com.blueprintshop.storefront.system.HttpCacheProperties;
import com.blueprintshop.storefront.system.PageLinks;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class SearchController {

	static final int PAGE_SIZE = 24;

	static final int MAX_PAGE = 1000;

	static final int MAX_QUERY_LENGTH = 100;

	static final int SUGGESTIONS = 8;

	private final CatalogClient catalog;

	private final CatalogPages pages;

	private final HttpCacheProperties caching;

	SearchController(CatalogClient catalog, CatalogPages pages, HttpCacheProperties caching) {
		this.catalog = catalog;
		this.pages = pages;
		this.caching = caching;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) BigDecimal minPrice, @RequestParam(required = false) BigDecimal maxPrice,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String query = (q != null) ? q.strip() : "";
		SearchFilters filters = new SearchFilters(query, StringUtils.hasText(category) ? category.strip() : null,
				minPrice, maxPrice);
		model.addAttribute("filters", filters);
		if (query.isEmpty()) {
			CatalogPage empty = this.pages.open(request, response);
			if (empty.notModified()) {
				return null;
			}
			empty.ready();
			return "search";
		}
		check(query, minPrice, maxPrice, page);
		CatalogPage cached = this.pages.open(request, response);
		if (cached.notModified()) {
			return null;
		}
		SearchResult result = this.catalog.search(query, filters.category(), minPrice, maxPrice, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("pages", PageLinks.of(page, result.totalPages(), filters::url));
		cached.ready();
		return "search";
	}

	/** For the search box's suggestion list (static/js/suggest.js); the page works without it. */
	@GetMapping(path = "/search/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<List<Suggestion>> suggest(@RequestParam(defaultValue = "") String q) {
		String query = q.strip();
		if (query.isEmpty()) {
			return ResponseEntity.ok(List.of());
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			return ResponseEntity.badRequest().body(List.of());
		}
		try {
			List<Suggestion> suggestions = this.catalog.suggest(query, SUGGESTIONS);
			// the same for every visitor: the edge and the browser may reuse them briefly
			CacheControl reuse = this.caching.enabled() ? CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic()
					: CacheControl.noCache();
			return ResponseEntity.ok().cacheControl(reuse).body(suggestions);
		}
		catch (RejectedInputException ex) {
			return ResponseEntity.badRequest().body(List.of());
		}
		catch (GatewayException ex) {
			// no suggestions is a fine answer for a box that works without them
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(List.of());
		}
	}

	private static void check(String query, BigDecimal minPrice, BigDecimal maxPrice, int page) {
		if (query.length() > MAX_QUERY_LENGTH) {
			throw new BadRequestException("Searches may be %d characters at most.".formatted(MAX_QUERY_LENGTH));
		}
		if (page < 1 || page > MAX_PAGE) {
			throw new BadRequestException("Page numbers run from 1 to %d.".formatted(MAX_PAGE));
		}
		if ((minPrice != null && minPrice.signum() < 0) || (maxPrice != null && maxPrice.signum() < 0)) {
			throw new BadRequestException("Prices cannot be negative.");
		}
		if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
			throw new BadRequestException("The lowest price is above the highest.");
		}
	}

}
