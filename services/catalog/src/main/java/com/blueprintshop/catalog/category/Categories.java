package com.blueprintshop.catalog.category;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.system.ApiException;

/** Reading the category tree: navigation, category pages, and what product queries need of it. */
@Service
@Transactional(readOnly = true)
public class Categories {

	private final CategoryRepository repository;

	Categories(CategoryRepository repository) {
		this.repository = repository;
	}

	/** Active categories in tree order, each with its active products counted over its subtree. */
	public List<CategoryListItem> list() {
		CategoryTree tree = this.repository.tree();
		Map<UUID, Long> counts = this.repository.activeProductCounts();
		return tree.inTreeOrder()
			.stream()
			.filter((p) -> tree.path(p.row().id()).stream().allMatch(CategoryRow::active))
			.map((p) -> new CategoryListItem(p.row().id(), p.row().slug(), p.row().name(), parentSlug(tree, p.row()),
					p.depth(), subtreeCount(tree, p.row().id(), counts)))
			.toList();
	}

	/** Every category, retired ones too, for staff. */
	public List<AdminCategory> listAll() {
		CategoryTree tree = this.repository.tree();
		Map<UUID, Long> counts = this.repository.activeProductCounts();
		return tree.inTreeOrder().stream().map((p) -> admin(tree, p.row(), p.depth(), counts)).toList();
	}

	public CategoryDetail detail(String slug) {
		CategoryTree tree = this.repository.tree();
		CategoryRow row = tree.bySlug(slug).filter((c) -> isActive(tree, c)).orElseThrow(() -> notFound(slug));
		return new CategoryDetail(row.id(), row.slug(), row.name(), row.description(), parentSlug(tree, row),
				refs(tree.path(row.id())), refs(tree.children(row.id()).stream().filter(CategoryRow::active).toList()));
	}

	/** The active category with this slug and its subtree, or a 404. */
	public ActiveCategory requireActive(String slug) {
		return findActive(slug).orElseThrow(() -> notFound(slug));
	}

	public Optional<ActiveCategory> findActive(String slug) {
		CategoryTree tree = this.repository.tree();
		return tree.bySlug(slug)
			.filter((c) -> isActive(tree, c))
			.map((c) -> new ActiveCategory(c.id(), c.slug(), c.name(),
					tree.subtree(c.id()).stream().map(CategoryRow::id).toList()));
	}

	/** From the department down to the category itself. */
	public List<CategoryRef> breadcrumbs(UUID categoryId) {
		return refs(this.repository.tree().path(categoryId));
	}

	/**
	 * The active category a product is being put into, locked against retirement until the
	 * transaction ends; a 400 naming {@code field} when there is none.
	 */
	@Transactional
	public ActiveCategory lockForProduct(String slug, String field) {
		ActiveCategory category = findActive(slug)
			.orElseThrow(() -> ApiException.invalid(field, "must be the slug of an active category"));
		if (!this.repository.lockActive(category.id(), false)) {
			throw ApiException.invalid(field, "must be the slug of an active category");
		}
		return category;
	}

	static AdminCategory admin(CategoryTree tree, CategoryRow row, int depth, Map<UUID, Long> counts) {
		return new AdminCategory(row.id(), row.slug(), row.name(), row.description(), parentSlug(tree, row), depth,
				subtreeCount(tree, row.id(), counts), row.status());
	}

	/** A category is shown only while it and all its ancestors are active. */
	static boolean isActive(CategoryTree tree, CategoryRow row) {
		return tree.path(row.id()).stream().allMatch(CategoryRow::active);
	}

	private static String parentSlug(CategoryTree tree, CategoryRow row) {
		return (row.parentId() != null) ? tree.byId(row.parentId()).map(CategoryRow::slug).orElse(null) : null;
	}

	private static long subtreeCount(CategoryTree tree, UUID id, Map<UUID, Long> counts) {
		return tree.subtree(id).stream().mapToLong((c) -> counts.getOrDefault(c.id(), 0L)).sum();
	}

	private static List<CategoryRef> refs(List<CategoryRow> rows) {
		return rows.stream().map((c) -> new CategoryRef(c.slug(), c.name())).toList();
	}

	static ApiException notFound(String slug) {
		return ApiException.notFound("There is no category '" + abbreviate(slug) + "'.");
	}

	static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
	}

}
