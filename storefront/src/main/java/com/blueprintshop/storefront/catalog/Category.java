package com.blueprintshop.storefront.catalog;

/** One entry of catalog's category tree (a flat list in tree order). */
record Category(String slug, String name, String parentSlug, int depth, long productCount) {
}
