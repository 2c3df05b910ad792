package com.blueprintshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.blueprintshop.storefront.system.GatewayCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Catalog's public API through the gateway ({@code /api/catalog/...}), called anonymously. What
 * can go wrong comes back as {@link GatewayCalls} exceptions: not found, rejected, unavailable.
 */
@Component
public class CatalogClient {

	private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);

	private static final ParameterizedTypeReference<Page<ProductSummary>> PRODUCT_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<ProductSummary>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Category>> CATEGORIES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Suggestion>> SUGGESTIONS = new ParameterizedTypeReference<>() {
	};

	private final RestClient gateway;

	CatalogClient(RestClient gateway) {
		this.gateway = gateway;
	}

	/**
	 * Catalog's data version, which every anonymous catalog page's ETag is made from; empty
	 * when catalog cannot say, and the page is then served without one.
	 */
	Optional<CatalogVersion> version() {
		try {
			CatalogVersion version = GatewayCalls
				.call(() -> this.gateway.get().uri("/api/catalog/version").retrieve().body(CatalogVersion.class));
			return Optional.ofNullable(version);
		}
		catch (RuntimeException ex) {
			// a body that is not the contract is as unknown as no answer
			log.debug("Catalog version unknown: {}", ex.toString());
			return Optional.empty();
		}
	}

	CategoryDetail category(String slug) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/categories/{slug}", slug)
			.retrieve()
			.body(CategoryDetail.class));
	}

	Page<ProductSummary> categoryProducts(String slug, String sort, int page, int size) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/categories/{slug}/products?sort={sort}&page={page}&size={size}", slug, sort, page, size)
			.retrieve()
			.body(PRODUCT_PAGE));
	}

	public ProductDetail product(String slug) {
		return GatewayCalls
			.call(() -> this.gateway.get().uri("/api/catalog/products/{slug}", slug).retrieve().body(ProductDetail.class));
	}

	public List<ProductSummary> featured(int limit) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/products/featured?limit={limit}", limit)
			.retrieve()
			.body(PRODUCTS));
	}

	public List<ProductSummary> newest(int limit) {
		return GatewayCalls
			.call(() -> this.gateway.get().uri("/api/catalog/products/new?limit={limit}", limit).retrieve().body(PRODUCTS));
	}

	/** The whole category tree, flat, in tree order. */
	List<Category> categories() {
		return GatewayCalls.call(() -> this.gateway.get().uri("/api/catalog/categories").retrieve().body(CATEGORIES));
	}

	public SearchResult search(String query, String category, BigDecimal minPrice, BigDecimal maxPrice, int page,
			int size) {
		Map<String, Object> values = new HashMap<>();
		values.put("q", query);
		values.put("page", page);
		values.put("size", size);
		return GatewayCalls.call(() -> this.gateway.get().uri((uri) -> {
			UriBuilder search = uri.path("/api/catalog/search")
				.queryParam("q", "{q}")
				.queryParam("page", "{page}")
				.queryParam("size", "{size}");
			optional(search, values, "category", category);
			optional(search, values, "minPrice", (minPrice != null) ? minPrice.toPlainString() : null);
			optional(search, values, "maxPrice", (maxPrice != null) ? maxPrice.toPlainString() : null);
			return search.build(values);
		}).retrieve().body(SearchResult.class));
	}

	public List<Suggestion> suggest(String query, int limit) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/search/suggest?q={q}&limit={limit}", query, limit)
			.retrieve()
			.body(SUGGESTIONS));
	}

	// values go in as URI variables so that they are encoded as values: a '&' or '+' in what the
	// user typed stays part of the query instead of splitting it
	private static void optional(UriBuilder uri, Map<String, Object> values, String name, Object value) {
		if (value != null) {
			uri.queryParam(name, "{" + name + "}");
			values.put(name, value);
		}
	}

}
