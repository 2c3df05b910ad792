package com.blueprintshop.storefront.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.catalog.CatalogPages.CatalogPage;
import com.blueprintshop.storefront.system.BadRequestException;
import com.blueprintshop.storefront.system.PageLinks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class CategoryController {

	static final int PAGE_SIZE = 24;

	static final int MAX_PAGE = 1000;

	static final String DEFAULT_SORT = "newest";

	/** The orders catalog knows, as the sort menu offers them. */
	static final Map<String, String> SORTS;

	static {
		Map<String, String> sorts = new LinkedHashMap<>();
		sorts.put("newest", "Newest first");
		sorts.put("price_asc", "Price: low to high");
		sorts.put("price_desc", "Price: high to low");
		sorts.put("name", "Name: A to Z");
		SORTS = Collections.unmodifiableMap(sorts);
	}

	private final CatalogClient catalog;

	private final CatalogPages pages;

	CategoryController(CatalogClient catalog, CatalogPages pages) {
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping("/c/{slug}")
	String category(@PathVariable String slug, @RequestParam(defaultValue = DEFAULT_SORT) String sort,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!SORTS.containsKey(sort)) {
			throw new BadRequestException("Products can be sorted by newest, price or name, not by '%s'.".formatted(sort));
		}
		if (page < 1 || page > MAX_PAGE) {
			throw new BadRequestException("Page numbers run from 1 to %d.".formatted(MAX_PAGE));
		}
		CatalogPage cached = this.pages.open(request, response);
		if (cached.notModified()) {
			return null;
		}
		CategoryDetail category = this.catalog.category(slug);
		Page<ProductSummary> products = this.catalog.categoryProducts(slug, sort, page, PAGE_SIZE);
		model.addAttribute("category", category);
		model.addAttribute("products", products);
		model.addAttribute("sort", sort);
		model.addAttribute("sorts", SORTS);
		model.addAttribute("pages", PageLinks.of(page, products.totalPages(), (n) -> url(slug, sort, n)));
		model.addAttribute("firstPage", url(slug, sort, 1));
		cached.ready();
		return "category";
	}

	static String url(String slug, String sort, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/c/{slug}");
		if (!DEFAULT_SORT.equals(sort)) {
			url.queryParam("sort", sort);
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().buildAndExpand(slug).toUriString();
	}

}
