package com.blueprintshop.catalog.cache;

import java.time.Instant;

/**
 * The catalog generation.
 *
 * @param version bumped by every staff change, in its transaction
 * @param changedAt when the last change was made
 * @param categoriesVersion the generation of the last category change
 */
public record CatalogVersion(long version, Instant changedAt, long categoriesVersion) {

	/** The strong ETag of every response that shows this generation of the catalog. */
	public String etag() {
		return "\"g" + this.version + "\"";
	}

}
