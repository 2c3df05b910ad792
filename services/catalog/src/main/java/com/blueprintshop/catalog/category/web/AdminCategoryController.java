package com.blueprintshop.catalog.category.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.catalog.category.AdminCategory;
import com.blueprintshop.catalog.category.Categories;
import com.blueprintshop.catalog.category.CategoryAdmin;
import com.blueprintshop.catalog.category.CategoryForm;

/** Staff only (role ADMIN, see the security filter chain). */
@RestController
@RequestMapping("/admin/categories")
class AdminCategoryController {

	private final Categories categories;

	private final CategoryAdmin admin;

	AdminCategoryController(Categories categories, CategoryAdmin admin) {
		this.categories = categories;
		this.admin = admin;
	}

	@GetMapping
	List<AdminCategory> list() {
		return this.categories.listAll();
	}

	@PostMapping
	ResponseEntity<AdminCategory> create(@Valid @RequestBody CategoryForm form) {
		AdminCategory created = this.admin.create(form);
		return ResponseEntity.created(URI.create("/categories/" + created.slug())).body(created);
	}

	@PutMapping("/{slug}")
	AdminCategory update(@PathVariable String slug, @Valid @RequestBody CategoryForm form) {
		return this.admin.update(slug, form);
	}

	@PostMapping("/{slug}/retire")
	AdminCategory retire(@PathVariable String slug) {
		return this.admin.retire(slug);
	}

}
