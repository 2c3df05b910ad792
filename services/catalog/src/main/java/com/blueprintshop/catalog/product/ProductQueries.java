package com.blueprintshop.catalog.product;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.cache.Stamped;
import com.blueprintshop.catalog.category.ActiveCategory;
import com.blueprintshop.catalog.category.Categories;
import com.blueprintshop.catalog.category.CategoryRef;
import com.blueprintshop.catalog.system.ApiException;
import com.blueprintshop.catalog.system.Page;
import com.blueprintshop.catalog.system.PageRequest;
import com.blueprintshop.catalog.system.Slugs;
import com.blueprintshop.catalog.system.Texts;

/** What shoppers (and staff) read about products. */
@Service
@Transactional(readOnly = true)
public class ProductQueries {

	private final ProductRepository repository;

	private final Categories categories;

	ProductQueries(ProductRepository repository, Categories categories) {
		this.repository = repository;
		this.categories = categories;
	}

	/** Active products of a category and its descendants, in a total order. */
	public Page<ProductSummary> inCategory(String categorySlug, ProductSort sort, PageRequest page) {
		ActiveCategory category = this.categories.requireActive(categorySlug);
		long total = this.repository.countInCategories(category.subtreeIds());
		List<UUID> ids = (page.offset() < total)
				? this.repository.pageInCategories(category.subtreeIds(), sort, page.size(), page.offset()) : List.of();
		return Page.of(this.repository.summaries(ids), page, total);
	}

	public ProductDetail activeBySlug(String slug) {
		if (!Slugs.isWellFormed(slug)) {
			throw notFound("'" + abbreviate(Texts.searchable(slug)) + "'");
		}
		return this.repository.findBySlug(slug)
			.filter(ProductRow::active)
			.map(this::detail)
			.orElseThrow(() -> notFound("'" + abbreviate(slug) + "'"));
	}

	public ProductDetail activeById(UUID id) {
		return this.repository.findById(id)
			.filter(ProductRow::active)
			.map(this::detail)
			.orElseThrow(() -> notFound(id.toString()));
	}

	/** Any product (retired too) or none, stamped for the cache (see {@link ProductCache}). */
	Stamped<ProductDetail> stampedById(UUID id) {
		return stamped(this.repository.findStampedById(id));
	}

	Stamped<ProductDetail> stampedBySlug(String slug) {
		return stamped(this.repository.findStampedBySlug(slug));
	}

	private Stamped<ProductDetail> stamped(ProductRepository.Found found) {
		return new Stamped<>(found.stamp(), (found.row() != null) ? detail(found.row()) : null);
	}

	/** Retired products too, for staff. */
	public ProductDetail anyById(UUID id) {
		return this.repository.findById(id).map(this::detail).orElseThrow(() -> notFound(id.toString()));
	}

	public List<ProductSummary> featured(int limit) {
		return this.repository.summaries(this.repository.featured(limit));
	}

	public List<ProductSummary> newest(int limit) {
		return this.repository.summaries(this.repository.newest(limit));
	}

	/** Summaries of these products in this order (search ranks, this renders). */
	public List<ProductSummary> summaries(List<UUID> ids) {
		return this.repository.summaries(ids);
	}

	/**
	 * The staff list: {@code q} matches a part of the name or slug, {@code status} is
	 * {@code ACTIVE}, {@code RETIRED} or {@code ALL}.
	 */
	public Page<AdminProductRow> adminList(String q, String status, PageRequest page) {
		String text = (q != null) ? Texts.searchable(q) : "";
		String pattern = text.isEmpty() ? null : "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
		String statusFilter = switch ((status == null || status.isBlank()) ? "ALL" : status.strip().toUpperCase(Locale.ROOT)) {
			case "ALL" -> null;
			case "ACTIVE" -> "ACTIVE";
			case "RETIRED" -> "RETIRED";
			default -> throw ApiException.invalid("status", "must be one of ACTIVE, RETIRED, ALL");
		};
		long total = this.repository.adminCount(pattern, statusFilter);
		List<AdminProductRow> rows = (page.offset() < total)
				? this.repository.adminPage(pattern, statusFilter, page.size(), page.offset()) : List.of();
		return Page.of(rows, page, total);
	}

	ProductDetail detail(ProductRow row) {
		Money price = row.price();
		return new ProductDetail(row.id(), row.slug(), row.name(), row.description(),
				new CategoryRef(row.categorySlug(), row.categoryName()), this.categories.breadcrumbs(row.categoryId()),
				price, row.status(), this.repository.skus(row.id(), price), this.repository.images(row.id()),
				row.featured(), row.createdAt(), row.updatedAt(), row.version());
	}

	/** LIKE treats % and _ as wildcards: a shopper's or clerk's text matches them literally. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static ApiException notFound(String what) {
		return ApiException.notFound("There is no product " + what + ".");
	}

	private static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
	}

}
