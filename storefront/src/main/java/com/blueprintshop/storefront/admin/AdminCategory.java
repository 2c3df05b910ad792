package com.blueprintshop.storefront.admin;

/** A category as staff see it, retired or not. */
record AdminCategory(String slug, String name, String parentSlug, String description, int depth, long productCount,
		String status) {

	public boolean retired() {
		return "RETIRED".equals(this.status);
	}

}
