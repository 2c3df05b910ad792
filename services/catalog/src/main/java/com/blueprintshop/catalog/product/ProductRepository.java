package com.blueprintshop.catalog.product;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.blueprintshop.catalog.image.ImageLink;
import com.blueprintshop.catalog.image.Images;

/**
 * The product queries. Every value from a request is a bind parameter; the only SQL text that
 * varies is a {@link ProductSort} fragment or a fixed filter chosen by code.
 */
@Repository
class ProductRepository {

	private static final String ROW_COLUMNS = """
			p.id, p.slug, p.name, p.description, p.category_id, c.slug as category_slug,
			c.name as category_name, p.price_amount, p.currency, p.featured, p.status,
			p.created_at, p.updated_at, p.version, p.generation
			""";

	private static final String SELECT_ROW = "select " + ROW_COLUMNS
			+ " from product p join category c on c.id = p.category_id";

	/**
	 * A product (or none) together with the catalog generation, read by one statement and so
	 * from one snapshot: what a cache entry is stamped with must not be newer than what it holds.
	 */
	private static final String SELECT_STAMPED = "select cv.version as catalog_version, cv.categories_version, "
			+ ROW_COLUMNS
			+ " from catalog_version cv left join (product p join category c on c.id = p.category_id) on ";

	private final JdbcClient jdbc;

	private final Images images;

	ProductRepository(JdbcClient jdbc, Images images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	/** One page of a category listing: ids only, an index-only scan of the sort's index. */
	List<UUID> pageInCategories(List<UUID> categoryIds, ProductSort sort, int limit, long offset) {
		return this.jdbc.sql("select p.id from product p where p.category_id in (:categories)"
				+ " and p.status = 'ACTIVE' order by " + sort.orderBy() + " limit :limit offset :offset")
			.param("categories", categoryIds)
			.param("limit", limit)
			.param("offset", offset)
			.query(UUID.class)
			.list();
	}

	long countInCategories(List<UUID> categoryIds) {
		return this.jdbc.sql("select count(*) from product where category_id in (:categories) and status = 'ACTIVE'")
			.param("categories", categoryIds)
			.query(Long.class)
			.single();
	}

	List<UUID> featured(int limit) {
		return this.jdbc.sql("""
				select p.id from product p where p.status = 'ACTIVE' and p.featured
				order by p.created_at desc, p.id desc limit :limit
				""").param("limit", limit).query(UUID.class).list();
	}

	List<UUID> newest(int limit) {
		return this.jdbc.sql("""
				select p.id from product p where p.status = 'ACTIVE'
				order by p.created_at desc, p.id desc limit :limit
				""").param("limit", limit).query(UUID.class).list();
	}

	/** Summaries of these products, in the order of {@code ids}. */
	List<ProductSummary> summaries(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, ProductSummary> byId = new HashMap<>();
		this.jdbc.sql("""
				select p.id, p.slug, p.name, p.price_amount, p.currency, p.created_at,
				       c.slug as category_slug, c.name as category_name,
				       i.id as image_id, i.sha256, i.content_type
				from product p
				join category c on c.id = p.category_id
				left join lateral (select id, sha256, content_type from product_image
				                   where product_id = p.id order by position, id limit 1) i on true
				where p.id in (:ids)
				""").param("ids", ids).query((rs) -> {
			UUID imageId = rs.getObject("image_id", UUID.class);
			String imageUrl = (imageId != null)
					? this.images.url(imageId, rs.getString("sha256"), rs.getString("content_type")) : null;
			UUID id = rs.getObject("id", UUID.class);
			byId.put(id,
					new ProductSummary(id, rs.getString("slug"), rs.getString("name"),
							new Money(rs.getBigDecimal("price_amount"), rs.getString("currency")), imageUrl,
							rs.getString("category_slug"), rs.getString("category_name"),
							rs.getTimestamp("created_at").toInstant()));
		});
		return ids.stream().map(byId::get).filter((summary) -> summary != null).toList();
	}

	Optional<ProductRow> findBySlug(String slug) {
		return this.jdbc.sql(SELECT_ROW + " where p.slug = :slug")
			.param("slug", slug)
			.query(ProductRepository::row)
			.optional();
	}

	Optional<ProductRow> findById(UUID id) {
		return this.jdbc.sql(SELECT_ROW + " where p.id = :id").param("id", id).query(ProductRepository::row).optional();
	}

	/** Holds the product's row lock until the transaction ends (edits of one product queue up). */
	Optional<ProductRow> lock(UUID id) {
		return this.jdbc.sql(SELECT_ROW + " where p.id = :id for update of p")
			.param("id", id)
			.query(ProductRepository::row)
			.optional();
	}

	List<ProductDetail.Sku> skus(UUID productId, Money productPrice) {
		return this.jdbc.sql("""
				select sku, size, colour, price_override from sku where product_id = :id order by position, sku
				""").param("id", productId).query((rs, n) -> {
			BigDecimal override = rs.getBigDecimal("price_override");
			Money price = (override != null) ? new Money(override, productPrice.currency()) : productPrice;
			return new ProductDetail.Sku(rs.getString("sku"), rs.getString("size"), rs.getString("colour"), price);
		}).list();
	}

	List<ImageLink> images(UUID productId) {
		return this.jdbc.sql("""
				select id, sha256, content_type, alt from product_image where product_id = :id order by position, id
				""")
			.param("id", productId)
			.query((rs, n) -> new ImageLink(
					this.images.url(rs.getObject("id", UUID.class), rs.getString("sha256"),
							rs.getString("content_type")),
					rs.getString("alt")))
			.list();
	}

	/**
	 * The staff list, most recently changed first. {@code namePattern} is a LIKE pattern whose
	 * wildcards the caller escaped; {@code status} is null for all.
	 */
	List<AdminProductRow> adminPage(String namePattern, String status, int limit, long offset) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				select p.id, p.slug, p.name, p.price_amount, p.currency, p.status, c.slug as category_slug,
				       p.updated_at, p.version
				from product p join category c on c.id = p.category_id
				""" + adminFilter(namePattern, status) + """
				 order by p.updated_at desc, p.id desc limit :limit offset :offset
				""").param("limit", limit).param("offset", offset);
		return bindAdminFilter(statement, namePattern, status)
			.query((rs, n) -> new AdminProductRow(rs.getObject("id", UUID.class), rs.getString("slug"),
					rs.getString("name"), new Money(rs.getBigDecimal("price_amount"), rs.getString("currency")),
					rs.getString("status"), rs.getString("category_slug"), rs.getTimestamp("updated_at").toInstant(),
					rs.getLong("version")))
			.list();
	}

	long adminCount(String namePattern, String status) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("select count(*) from product p" + adminFilter(namePattern, status));
		return bindAdminFilter(statement, namePattern, status).query(Long.class).single();
	}

	private static String adminFilter(String namePattern, String status) {
		StringBuilder where = new StringBuilder(" where true");
		if (namePattern != null) {
			where.append(" and (lower(p.name) like :pattern escape '\\' or p.slug like :pattern escape '\\')");
		}
		if (status != null) {
			where.append(" and p.status = :status");
		}
		return where.toString();
	}

	private static JdbcClient.StatementSpec bindAdminFilter(JdbcClient.StatementSpec statement, String namePattern,
			String status) {
		if (namePattern != null) {
			statement = statement.param("pattern", namePattern);
		}
		if (status != null) {
			statement = statement.param("status", status);
		}
		return statement;
	}

	boolean slugTaken(String slug) {
		return this.jdbc.sql("select exists (select 1 from product where slug = :slug)")
			.param("slug", slug)
			.query(Boolean.class)
			.single();
	}

	void insert(UUID id, String slug, String name, String description, UUID categoryId, Money price,
			boolean featured) {
		this.jdbc.sql("""
				insert into product (id, slug, name, description, category_id, price_amount, currency, featured,
				                     status, created_at, updated_at, version)
				values (:id, :slug, :name, :description, :categoryId, :amount, :currency, :featured,
				        'ACTIVE', now(), now(), 0)
				""")
			.param("id", id)
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("categoryId", categoryId)
			.param("amount", price.amount())
			.param("currency", price.currency())
			.param("featured", featured)
			.update();
	}

	void insertSku(String sku, UUID productId) {
		this.jdbc.sql("insert into sku (sku, product_id, position) values (:sku, :productId, 0)")
			.param("sku", sku)
			.param("productId", productId)
			.update();
	}

	/** Compare-and-set on the version: false when someone else changed the product first. */
	boolean update(UUID id, long expectedVersion, String name, String description, UUID categoryId, Money price,
			boolean featured) {
		return this.jdbc.sql("""
				update product set name = :name, description = :description, category_id = :categoryId,
				       price_amount = :amount, currency = :currency, featured = :featured,
				       updated_at = now(), version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", expectedVersion)
			.param("name", name)
			.param("description", description)
			.param("categoryId", categoryId)
			.param("amount", price.amount())
			.param("currency", price.currency())
			.param("featured", featured)
			.update() == 1;
	}

	void setStatus(UUID id, String status) {
		this.jdbc.sql("update product set status = :status, updated_at = now(), version = version + 1 where id = :id")
			.param("id", id)
			.param("status", status)
			.update();
	}

	void touch(UUID id) {
		this.jdbc.sql("update product set updated_at = now() where id = :id").param("id", id).update();
	}

	/** The words of product names feed the search's spelling correction (table search_word). */
	void addSearchWords(String name) {
		this.jdbc.sql("""
				insert into search_word (word, frequency)
				select distinct w, 1 from regexp_split_to_table(lower(:name), '[^[:alnum:]]+') as w
				where length(w) >= 3
				on conflict (word) do update set frequency = search_word.frequency + 1
				""").param("name", name).update();
	}

	private static ProductRow row(ResultSet rs, int rowNum) throws SQLException {
		return new ProductRow(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
				rs.getString("description"), rs.getObject("category_id", UUID.class), rs.getString("category_slug"),
				rs.getString("category_name"), rs.getBigDecimal("price_amount"), rs.getString("currency").strip(),
				rs.getBoolean("featured"), rs.getString("status"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), rs.getLong("version"), rs.getLong("generation"));
	}

	Found findStampedById(UUID id) {
		return this.jdbc.sql(SELECT_STAMPED + "p.id = :id").param("id", id).query(ProductRepository::found).single();
	}

	Found findStampedBySlug(String slug) {
		return this.jdbc.sql(SELECT_STAMPED + "p.slug = :slug")
			.param("slug", slug)
			.query(ProductRepository::found)
			.single();
	}

	private static Found found(ResultSet rs, int rowNum) throws SQLException {
		ProductRow row = (rs.getObject("id") != null) ? row(rs, rowNum) : null;
		return new Found(row, rs.getLong("catalog_version"), rs.getLong("categories_version"));
	}

	/**
	 * @param row the product, or {@code null}
	 * @param catalogVersion the generation of the snapshot it was read from
	 * @param categoriesVersion the generation of the last category change in that snapshot
	 */
	record Found(ProductRow row, long catalogVersion, long categoriesVersion) {

		/**
		 * A product's entry is as new as its last change or the last category change (its page
		 * shows its category's name and breadcrumbs); an absence, as the snapshot.
		 */
		long stamp() {
			return (this.row != null) ? Math.max(this.row.generation(), this.categoriesVersion) : this.catalogVersion;
		}

	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

}
