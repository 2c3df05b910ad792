package com.blueprintshop.catalog.product.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.CatalogVersions;
import com.blueprintshop.catalog.cache.HttpValidators;
import com.blueprintshop.catalog.cache.Stamped;
import com.blueprintshop.catalog.product.ProductCache;
import com.blueprintshop.catalog.product.ProductDetail;
import com.blueprintshop.catalog.product.ProductSort;
import com.blueprintshop.catalog.product.ProductSummary;
import com.blueprintshop.catalog.system.Page;
import com.blueprintshop.catalog.system.PageRequest;

/**
 * Product pages carry an ETag of the product's id, version and stamp and its Last-Modified;
 * lists carry the catalog generation's ETag. A matching conditional GET is a 304 decided from
 * cached versions alone (a null return after {@link HttpValidators#notModified} writes no body).
 */
@RestController
class ProductController {

	private final ProductCache products;

	private final CatalogVersions versions;

	private final HttpValidators validators;

	ProductController(ProductCache products, CatalogVersions versions, HttpValidators validators) {
		this.products = products;
		this.versions = versions;
		this.validators = validators;
	}

	@GetMapping("/categories/{slug}/products")
	Page<ProductSummary> inCategory(@PathVariable String slug, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") @Min(1) @Max(PageRequest.MAX_PAGE) int page,
			@RequestParam(defaultValue = "24") @Min(1) @Max(PageRequest.MAX_SIZE) int size, ServletWebRequest request) {
		ProductSort order = ProductSort.parse(sort);
		CatalogVersion version = this.versions.current();
		if (this.validators.notModified(request, version.etag(), null)) {
			return null;
		}
		return this.products.inCategory(version, slug, order, new PageRequest(page, size));
	}

	@GetMapping("/products/{slug}")
	ProductDetail bySlug(@PathVariable String slug, ServletWebRequest request) {
		return page(this.products.activeBySlug(slug), request);
	}

	@GetMapping("/products/by-id/{id}")
	ProductDetail byId(@PathVariable UUID id, ServletWebRequest request) {
		return page(this.products.activeById(id), request);
	}

	@GetMapping("/products/featured")
	List<ProductSummary> featured(@RequestParam(defaultValue = "8") @Min(1) @Max(24) int limit,
			ServletWebRequest request) {
		CatalogVersion version = this.versions.current();
		return this.validators.notModified(request, version.etag(), null) ? null
				: this.products.featured(version, limit);
	}

	@GetMapping("/products/new")
	List<ProductSummary> newest(@RequestParam(defaultValue = "8") @Min(1) @Max(24) int limit,
			ServletWebRequest request) {
		CatalogVersion version = this.versions.current();
		return this.validators.notModified(request, version.etag(), null) ? null
				: this.products.newest(version, limit);
	}

	private ProductDetail page(Stamped<ProductDetail> entry, ServletWebRequest request) {
		if (this.validators.notModified(request, ProductCache.etag(entry), entry.value().updatedAt())) {
			return null;
		}
		return entry.value();
	}

}
