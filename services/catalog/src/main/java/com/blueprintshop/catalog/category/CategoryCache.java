package com.blueprintshop.catalog.category;

import java.util.List;

import tools.jackson.core.type.TypeReference;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.Caches;
import com.blueprintshop.catalog.cache.Stamped;
import com.blueprintshop.catalog.cache.TwoLevelCache;
import com.blueprintshop.catalog.system.ApiException;

/**
 * The navigation tree and category headers through the caches, keyed by the catalog generation
 * (a category page's 404 too: creating the category raises the generation).
 */
@Component
public class CategoryCache {

	private final Categories categories;

	private final TwoLevelCache<List<CategoryListItem>> tree;

	private final TwoLevelCache<CategoryDetail> details;

	CategoryCache(Categories categories, Caches caches) {
		this.categories = categories;
		this.tree = caches.generational("categories", new TypeReference<List<CategoryListItem>>() {
		});
		this.details = caches.generational("category", new TypeReference<CategoryDetail>() {
		});
	}

	public List<CategoryListItem> list(CatalogVersion version) {
		return this.tree.get("g" + version.version() + ":tree",
				() -> new Stamped<>(version.version(), this.categories.list())).value();
	}

	public CategoryDetail detail(CatalogVersion version, String slug) {
		CategoryDetail detail = this.details.get("g" + version.version() + ":" + slug, () -> {
			try {
				return new Stamped<>(version.version(), this.categories.detail(slug));
			}
			catch (ApiException ex) {
				if (ex.status() != HttpStatus.NOT_FOUND) {
					throw ex;
				}
				return new Stamped<CategoryDetail>(version.version(), null);
			}
		}).value();
		if (detail == null) {
			throw Categories.notFound(slug);
		}
		return detail;
	}

}
