package com.blueprintshop.catalog.product.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.catalog.product.ProductDetail;
import com.blueprintshop.catalog.product.ProductQueries;
import com.blueprintshop.catalog.product.ProductSort;
import com.blueprintshop.catalog.product.ProductSummary;
import com.blueprintshop.catalog.system.Page;
import com.blueprintshop.catalog.system.PageRequest;

@RestController
class ProductController {

	private final ProductQueries products;

	ProductController(ProductQueries products) {
		this.products = products;
	}

	@GetMapping("/categories/{slug}/products")
	Page<ProductSummary> inCategory(@PathVariable String slug, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") @Min(1) @Max(PageRequest.MAX_PAGE) int page,
			@RequestParam(defaultValue = "24") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.products.inCategory(slug, ProductSort.parse(sort), new PageRequest(page, size));
	}

	@GetMapping("/products/{slug}")
	ProductDetail bySlug(@PathVariable String slug) {
		return this.products.activeBySlug(slug);
	}

	@GetMapping("/products/by-id/{id}")
	ProductDetail byId(@PathVariable UUID id) {
		return this.products.activeById(id);
	}

	@GetMapping("/products/featured")
	List<ProductSummary> featured(@RequestParam(defaultValue = "8") @Min(1) @Max(24) int limit) {
		return this.products.featured(limit);
	}

	@GetMapping("/products/new")
	List<ProductSummary> newest(@RequestParam(defaultValue = "8") @Min(1) @Max(24) int limit) {
		return this.products.newest(limit);
	}

}
