package com.blueprintshop.catalog.category;

import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CategoryRepository {

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CategoryTree tree() {
		return new CategoryTree(this.jdbc.sql("""
				select id, parent_id, slug, name, description, position, status from category
				""")
			.query((rs, n) -> new CategoryRow(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					rs.getString("slug"), rs.getString("name"), rs.getString("description"), rs.getInt("position"),
					rs.getString("status")))
			.list());
	}

	/** Active products directly in each category (an index-only scan of the listing index). */
	Map<UUID, Long> activeProductCounts() {
		Map<UUID, Long> counts = new HashMap<>();
		this.jdbc.sql("select category_id, count(*) as n from product where status = 'ACTIVE' group by category_id")
			.query((rs) -> {
				counts.put(rs.getObject("category_id", UUID.class), rs.getLong("n"));
			});
		return counts;
	}

	boolean slugTaken(String slug) {
		return this.jdbc.sql("select exists (select 1 from category where slug = :slug)")
			.param("slug", slug)
			.query(Boolean.class)
			.single();
	}

	int nextPosition(UUID parentId) {
		String sql = (parentId != null)
				? "select coalesce(max(position) + 1, 0) from category where parent_id = :parent"
				: "select coalesce(max(position) + 1, 0) from category where parent_id is null";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (parentId != null) {
			statement = statement.param("parent", parentId);
		}
		return statement.query(Integer.class).single();
	}

	void insert(CategoryRow row) {
		this.jdbc.sql("""
				insert into category (id, parent_id, slug, name, description, position, status)
				values (:id, :parentId, :slug, :name, :description, :position, :status)
				""")
			.param("id", row.id())
			.param("parentId", row.parentId(), Types.OTHER)
			.param("slug", row.slug())
			.param("name", row.name())
			.param("description", row.description())
			.param("position", row.position())
			.param("status", row.status())
			.update();
	}

	void update(UUID id, UUID parentId, String name, String description, int position) {
		this.jdbc.sql("""
				update category set parent_id = :parentId, name = :name, description = :description,
				       position = :position, updated_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("parentId", parentId, Types.OTHER)
			.param("name", name)
			.param("description", description)
			.param("position", position)
			.update();
	}

	void retire(UUID id) {
		this.jdbc.sql("update category set status = 'RETIRED', updated_at = now() where id = :id")
			.param("id", id)
			.update();
	}

	long activeProductsIn(UUID id) {
		return this.jdbc.sql("select count(*) from product where category_id = :id and status = 'ACTIVE'")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/**
	 * Serialises structural changes to the tree (moves, retirements) against each other, so two
	 * concurrent moves cannot build a cycle between them.
	 */
	void lockTree() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('catalog.category-tree'))").query().singleRow();
	}

	/**
	 * Locks a category against retirement while a product is put into it (a retirement holds
	 * the row lock while it counts the category's active products).
	 */
	boolean lockActive(UUID id, boolean exclusive) {
		String sql = exclusive ? "select status from category where id = :id for update"
				: "select status from category where id = :id for share";
		return this.jdbc.sql(sql).param("id", id).query(String.class).optional().map("ACTIVE"::equals).orElse(false);
	}

}
