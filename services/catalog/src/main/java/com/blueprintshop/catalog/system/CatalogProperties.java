package com.blueprintshop.catalog.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog's own settings ({@code shop.catalog.*}).
 *
 * @param imageBaseUrl the browser path images are served under (the edge routes it to this
 * service's {@code GET /images/{file}})
 * @param seed the demo catalog written at first start
 * @param search typo tolerance of the search
 */
@ConfigurationProperties("shop.catalog")
public record CatalogProperties(@DefaultValue("/images") String imageBaseUrl, @DefaultValue Seed seed,
		@DefaultValue Search search) {

	/**
	 * @param enabled whether an empty catalog is seeded at start-up
	 * @param randomSeed the same seed always writes the same catalog
	 * @param products how many products to write
	 */
	public record Seed(@DefaultValue("true") boolean enabled, @DefaultValue("42") long randomSeed,
			@DefaultValue("10000") int products) {
	}

	/**
	 * @param correctBelow full-text hits under which a spelling correction is tried
	 * @param wordSimilarity the least trigram similarity of a correction to the word it replaces
	 * @param nameSimilarity the least trigram word similarity of a name found by the typo fallback
	 * @param suggestSimilarity the least trigram word similarity of a suggested name that
	 * neither starts with the query nor has a word that does
	 */
	public record Search(@DefaultValue("3") int correctBelow, @DefaultValue("0.4") double wordSimilarity,
			@DefaultValue("0.45") double nameSimilarity, @DefaultValue("0.45") double suggestSimilarity) {
	}

}
