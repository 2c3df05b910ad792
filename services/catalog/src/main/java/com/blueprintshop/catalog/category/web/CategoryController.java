package com.blueprintshop.catalog.category.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.CatalogVersions;
import com.blueprintshop.catalog.cache.HttpValidators;
import com.blueprintshop.catalog.category.CategoryCache;
import com.blueprintshop.catalog.category.CategoryDetail;
import com.blueprintshop.catalog.category.CategoryListItem;

/** Both answers carry the catalog generation's ETag; a matching conditional GET is a 304. */
@RestController
class CategoryController {

	private final CategoryCache categories;

	private final CatalogVersions versions;

	private final HttpValidators validators;

	CategoryController(CategoryCache categories, CatalogVersions versions, HttpValidators validators) {
		this.categories = categories;
		this.versions = versions;
		this.validators = validators;
	}

	@GetMapping("/categories")
	List<CategoryListItem> list(ServletWebRequest request) {
		CatalogVersion version = this.versions.current();
		return this.validators.notModified(request, version.etag(), null) ? null : this.categories.list(version);
	}

	@GetMapping("/categories/{slug}")
	CategoryDetail detail(@PathVariable String slug, ServletWebRequest request) {
		CatalogVersion version = this.versions.current();
		return this.validators.notModified(request, version.etag(), null) ? null
				: this.categories.detail(version, slug);
	}

}
