package com.blueprintshop.catalog.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Component;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.Caches;
import com.blueprintshop.catalog.cache.Stamped;
import com.blueprintshop.catalog.cache.TwoLevelCache;
import com.blueprintshop.catalog.system.PageRequest;

/**
 * Search results through the caches, keyed by the catalog generation and a hash of the query
 * (shoppers' text never becomes a Redis key as such).
 */
@Component
public class SearchCache {

	private final ProductSearch search;

	private final TwoLevelCache<SearchResult> results;

	SearchCache(ProductSearch search, Caches caches) {
		this.search = search;
		this.results = caches.generational("search", new TypeReference<SearchResult>() {
		});
	}

	public SearchResult search(CatalogVersion version, SearchQuery query, PageRequest page) {
		String key = "g" + version.version() + ":" + hash(query.text() + "\u0000" + query.categorySlug() + "\u0000"
				+ query.minPrice() + "\u0000" + query.maxPrice() + "\u0000" + page.page() + "\u0000" + page.size());
		return this.results.get(key, () -> new Stamped<>(version.version(), this.search.search(query, page))).value();
	}

	private static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
