package com.blueprintshop.catalog.category;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.events.CatalogChanged.Type;
import com.blueprintshop.catalog.events.CatalogEvents;
import com.blueprintshop.catalog.system.ApiException;
import com.blueprintshop.catalog.system.Slugs;

/** Staff changes to the category tree; each one is recorded in the outbox in its transaction. */
@Service
@Transactional
public class CategoryAdmin {

	/** Departments are depth 0; the storefront's navigation shows at most three levels. */
	static final int MAX_DEPTH = 2;

	private final CategoryRepository repository;

	private final CatalogEvents events;

	CategoryAdmin(CategoryRepository repository, CatalogEvents events) {
		this.repository = repository;
		this.events = events;
	}

	public AdminCategory create(CategoryForm form) {
		this.repository.lockTree();
		CategoryTree tree = this.repository.tree();
		CategoryRow parent = parent(tree, form.parentSlug());
		if (parent != null && tree.depth(parent.id()) + 1 > MAX_DEPTH) {
			throw ApiException.invalid("parentSlug", "is too deep: categories nest at most " + (MAX_DEPTH + 1)
					+ " levels");
		}
		UUID parentId = (parent != null) ? parent.id() : null;
		CategoryRow row = new CategoryRow(UUID.randomUUID(), parentId, uniqueSlug(form.name()), form.name().strip(),
				description(form), this.repository.nextPosition(parentId), "ACTIVE");
		this.repository.insert(row);
		this.events.categoryChanged(Type.CATEGORY_CREATED, row.id(), row.slug());
		return reread(row.id());
	}

	public AdminCategory update(String slug, CategoryForm form) {
		this.repository.lockTree();
		CategoryTree tree = this.repository.tree();
		CategoryRow row = tree.bySlug(slug).orElseThrow(() -> Categories.notFound(slug));
		CategoryRow parent = parent(tree, form.parentSlug());
		UUID parentId = (parent != null) ? parent.id() : null;
		if (parent != null && tree.subtree(row.id()).stream().anyMatch((c) -> c.id().equals(parent.id()))) {
			throw ApiException.invalid("parentSlug", "cannot be the category itself or one of its descendants");
		}
		if (parent != null && tree.depth(parent.id()) + 1 + height(tree, row) > MAX_DEPTH) {
			throw ApiException.invalid("parentSlug", "is too deep: categories nest at most " + (MAX_DEPTH + 1)
					+ " levels");
		}
		boolean moved = (parentId == null) ? row.parentId() != null : !parentId.equals(row.parentId());
		int position = moved ? this.repository.nextPosition(parentId) : row.position();
		this.repository.update(row.id(), parentId, form.name().strip(), description(form), position);
		this.events.categoryChanged(Type.CATEGORY_UPDATED, row.id(), row.slug());
		return reread(row.id());
	}

	/** Refused (409) while the category still holds active products or active sub-categories. */
	public AdminCategory retire(String slug) {
		this.repository.lockTree();
		CategoryTree tree = this.repository.tree();
		CategoryRow row = tree.bySlug(slug).orElseThrow(() -> Categories.notFound(slug));
		if (!row.active()) {
			return reread(row.id());
		}
		if (tree.children(row.id()).stream().anyMatch(CategoryRow::active)) {
			throw ApiException.conflict("The category still has active sub-categories: retire or move them first.");
		}
		this.repository.lockActive(row.id(), true);
		long products = this.repository.activeProductsIn(row.id());
		if (products > 0) {
			throw ApiException.conflict("The category still has " + products
					+ " active products: retire them or move them to another category first.");
		}
		this.repository.retire(row.id());
		this.events.categoryChanged(Type.CATEGORY_RETIRED, row.id(), row.slug());
		return reread(row.id());
	}

	private CategoryRow parent(CategoryTree tree, String parentSlug) {
		if (parentSlug == null || parentSlug.isBlank()) {
			return null;
		}
		return tree.bySlug(parentSlug.strip())
			.filter((c) -> Categories.isActive(tree, c))
			.orElseThrow(() -> ApiException.invalid("parentSlug", "must be the slug of an active category"));
	}

	private static int height(CategoryTree tree, CategoryRow row) {
		return tree.children(row.id()).stream().mapToInt((c) -> 1 + height(tree, c)).max().orElse(0);
	}

	private String uniqueSlug(String name) {
		String base = Slugs.slugify(name, 72);
		String slug = base;
		for (int n = 2; this.repository.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private static String description(CategoryForm form) {
		return (form.description() != null) ? form.description().strip() : "";
	}

	private AdminCategory reread(UUID id) {
		CategoryTree tree = this.repository.tree();
		CategoryRow row = tree.byId(id).orElseThrow();
		return Categories.admin(tree, row, tree.depth(id), this.repository.activeProductCounts());
	}

}
