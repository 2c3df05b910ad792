package com.blueprintshop.catalog.product;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.category.ActiveCategory;
import com.blueprintshop.catalog.category.Categories;
import com.blueprintshop.catalog.events.CatalogChanged.Type;
import com.blueprintshop.catalog.events.CatalogEvents;
import com.blueprintshop.catalog.image.ImageLink;
import com.blueprintshop.catalog.image.Images;
import com.blueprintshop.catalog.system.ApiException;
import com.blueprintshop.catalog.system.Slugs;

/**
 * Staff changes to products. Each runs in one transaction with its outbox row, so the change
 * and its {@code catalog.changed} event are committed together or not at all.
 */
@Service
@Transactional
public class ProductAdmin {

	/** Paths under /products that are not product pages. */
	private static final Set<String> RESERVED_SLUGS = Set.of("featured", "new", "by-id");

	private final ProductRepository repository;

	private final ProductQueries queries;

	private final Categories categories;

	private final Images images;

	private final CatalogEvents events;

	ProductAdmin(ProductRepository repository, ProductQueries queries, Categories categories, Images images,
			CatalogEvents events) {
		this.repository = repository;
		this.queries = queries;
		this.categories = categories;
		this.images = images;
		this.events = events;
	}

	/** A new active product with one default SKU, so that it can be stocked and sold. */
	public ProductDetail create(ProductForm form) {
		ActiveCategory category = this.categories.lockForProduct(form.categorySlug().strip(), "categorySlug");
		UUID id = UUID.randomUUID();
		String name = form.name().strip();
		String slug = uniqueSlug(name);
		this.repository.insert(id, slug, name, description(form), category.id(), form.price().toMoney(),
				form.featured());
		this.repository.insertSku(defaultSku(id), id);
		this.repository.addSearchWords(name);
		this.events.productChanged(Type.PRODUCT_CREATED, id, slug, category.id(), category.slug(), 0);
		return this.queries.anyById(id);
	}

	/** Applies the edit only if the product is still at {@code form.version()}; 409 otherwise. */
	public ProductDetail update(UUID id, ProductForm form) {
		if (form.version() == null) {
			throw ApiException.invalid("version", "is required: send the version the edit is based on");
		}
		ProductRow current = this.repository.findById(id).orElseThrow(() -> ProductQueries.notFound(id.toString()));
		ActiveCategory category = this.categories.lockForProduct(form.categorySlug().strip(), "categorySlug");
		String name = form.name().strip();
		if (!this.repository.update(id, form.version(), name, description(form), category.id(),
				form.price().toMoney(), form.featured())) {
			throw stale(this.repository.findById(id).map(ProductRow::version).orElse(current.version()));
		}
		if (!name.equals(current.name())) {
			this.repository.addSearchWords(name);
		}
		this.events.productChanged(Type.PRODUCT_UPDATED, id, current.slug(), category.id(), category.slug(),
				form.version() + 1);
		return this.queries.anyById(id);
	}

	public ProductDetail retire(UUID id) {
		ProductRow row = this.repository.lock(id).orElseThrow(() -> ProductQueries.notFound(id.toString()));
		if (!row.active()) {
			return this.queries.detail(row);
		}
		this.repository.setStatus(id, "RETIRED");
		this.events.productChanged(Type.PRODUCT_RETIRED, id, row.slug(), row.categoryId(), row.categorySlug(),
				row.version() + 1);
		return this.queries.anyById(id);
	}

	/** Back on sale; refused (409) while its category is retired. */
	public ProductDetail restore(UUID id) {
		ProductRow row = this.repository.lock(id).orElseThrow(() -> ProductQueries.notFound(id.toString()));
		if (row.active()) {
			return this.queries.detail(row);
		}
		if (this.categories.findActive(row.categorySlug()).isEmpty()) {
			throw ApiException.conflict("categorySlug",
					"The product's category is retired: move the product to an active category first");
		}
		this.categories.lockForProduct(row.categorySlug(), "categorySlug");
		this.repository.setStatus(id, "ACTIVE");
		this.events.productChanged(Type.PRODUCT_RESTORED, id, row.slug(), row.categoryId(), row.categorySlug(),
				row.version() + 1);
		return this.queries.anyById(id);
	}

	/**
	 * Adds an uploaded image after the product's others. The version stays: an image does not
	 * conflict with an edit of the product's fields made at the same time.
	 */
	public ImageLink addImage(UUID id, byte[] bytes) {
		ProductRow row = this.repository.lock(id).orElseThrow(() -> ProductQueries.notFound(id.toString()));
		ImageLink link = this.images.addUpload(id, bytes, row.name());
		this.repository.touch(id);
		this.events.productChanged(Type.PRODUCT_UPDATED, id, row.slug(), row.categoryId(), row.categorySlug(),
				row.version());
		return link;
	}

	private ApiException stale(long currentVersion) {
		return ApiException.conflict("version", "The product was changed by someone else (it is now at version "
				+ currentVersion + "): reload it and apply your edit again");
	}

	private String uniqueSlug(String name) {
		String base = Slugs.slugify(name, 130);
		String slug = base;
		for (int n = 2; RESERVED_SLUGS.contains(slug) || this.repository.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private static String defaultSku(UUID id) {
		byte[] bytes = new byte[4];
		long high = id.getMostSignificantBits();
		for (int i = 0; i < 4; i++) {
			bytes[i] = (byte) (high >>> (56 - 8 * i));
		}
		return "BPX-" + HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT) + "-1";
	}

	private static String description(ProductForm form) {
		return (form.description() != null) ? form.description().strip() : "";
	}

}
