package com.blueprintshop.catalog.category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole category tree in memory (tens of rows): tree order, subtrees and paths are walks
 * here instead of recursive queries.
 */
final class CategoryTree {

	private final Map<UUID, CategoryRow> byId = new LinkedHashMap<>();

	private final Map<String, CategoryRow> bySlug = new HashMap<>();

	private final Map<UUID, List<CategoryRow>> children = new HashMap<>();

	private final List<CategoryRow> roots = new ArrayList<>();

	CategoryTree(List<CategoryRow> rows) {
		Comparator<CategoryRow> siblingOrder = Comparator.comparingInt(CategoryRow::position)
			.thenComparing(CategoryRow::name)
			.thenComparing(CategoryRow::id);
		List<CategoryRow> sorted = rows.stream().sorted(siblingOrder).toList();
		for (CategoryRow row : sorted) {
			this.byId.put(row.id(), row);
			this.bySlug.put(row.slug(), row);
		}
		for (CategoryRow row : sorted) {
			if (row.parentId() == null || !this.byId.containsKey(row.parentId())) {
				this.roots.add(row);
			}
			else {
				this.children.computeIfAbsent(row.parentId(), (id) -> new ArrayList<>()).add(row);
			}
		}
	}

	Optional<CategoryRow> bySlug(String slug) {
		return Optional.ofNullable(this.bySlug.get(slug));
	}

	Optional<CategoryRow> byId(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	List<CategoryRow> children(UUID id) {
		return this.children.getOrDefault(id, List.of());
	}

	/** Depth-first, siblings by position: the order of a navigation menu. */
	List<Positioned> inTreeOrder() {
		List<Positioned> ordered = new ArrayList<>();
		for (CategoryRow root : this.roots) {
			walk(root, 0, ordered);
		}
		return ordered;
	}

	private void walk(CategoryRow row, int depth, List<Positioned> ordered) {
		ordered.add(new Positioned(row, depth));
		for (CategoryRow child : children(row.id())) {
			walk(child, depth + 1, ordered);
		}
	}

	/** The category and all its descendants. */
	List<CategoryRow> subtree(UUID id) {
		List<CategoryRow> subtree = new ArrayList<>();
		CategoryRow row = this.byId.get(id);
		if (row != null) {
			collect(row, subtree);
		}
		return subtree;
	}

	private void collect(CategoryRow row, List<CategoryRow> into) {
		into.add(row);
		for (CategoryRow child : children(row.id())) {
			collect(child, into);
		}
	}

	/** From the root down to the category itself. */
	List<CategoryRow> path(UUID id) {
		List<CategoryRow> path = new ArrayList<>();
		CategoryRow row = this.byId.get(id);
		while (row != null && path.size() <= this.byId.size()) {
			path.addFirst(row);
			row = (row.parentId() != null) ? this.byId.get(row.parentId()) : null;
		}
		return path;
	}

	int depth(UUID id) {
		return path(id).size() - 1;
	}

	record Positioned(CategoryRow row, int depth) {
	}

}
