package com.blueprintshop.storefront.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The SKUs of products this instance has shown, per catalog version: what a product page needs
 * to ask inventory for availability, and so to make its ETag, without fetching the product from
 * catalog. An entry of an older catalog version is never used. At most {@link #MAX_PRODUCTS}
 * products are remembered (the least recently shown go first), a few hundred kilobytes at most.
 */
@Component
class KnownSkus {

	static final int MAX_PRODUCTS = 5_000;

	private final Map<String, Remembered> bySlug = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
			return size() > MAX_PRODUCTS;
		}

	};

	synchronized Optional<List<String>> of(String slug, long catalogVersion) {
		Remembered entry = this.bySlug.get(slug);
		return (entry != null && entry.catalogVersion() == catalogVersion) ? Optional.of(entry.skus())
				: Optional.empty();
	}

	synchronized void remember(String slug, long catalogVersion, List<String> skus) {
		this.bySlug.put(slug, new Remembered(catalogVersion, List.copyOf(skus)));
	}

	synchronized int size() {
		return this.bySlug.size();
	}

	private record Remembered(long catalogVersion, List<String> skus) {
	}

}
