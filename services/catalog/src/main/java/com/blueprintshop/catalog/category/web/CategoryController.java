package com.blueprintshop.catalog.category.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.catalog.category.Categories;
import com.blueprintshop.catalog.category.CategoryDetail;
import com.blueprintshop.catalog.category.CategoryListItem;

@RestController
class CategoryController {

	private final Categories categories;

	CategoryController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping("/categories")
	List<CategoryListItem> list() {
		return this.categories.list();
	}

	@GetMapping("/categories/{slug}")
	CategoryDetail detail(@PathVariable String slug) {
		return this.categories.detail(slug);
	}

}
