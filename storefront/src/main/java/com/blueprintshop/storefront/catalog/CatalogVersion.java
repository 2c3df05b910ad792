package com.blueprintshop.storefront.catalog;

import java.time.Instant;

/**
 * What catalog says of its data as a whole ({@code GET /api/catalog/version}): a number that
 * goes up with every change to any product or category, and when that change was made.
 */
record CatalogVersion(long version, Instant changedAt) {
}
