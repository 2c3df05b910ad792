package com.blueprintshop.catalog.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.catalog.seed.CatalogGenerator.SeedCategory;
import com.blueprintshop.catalog.seed.CatalogGenerator.SeedImage;
import com.blueprintshop.catalog.seed.CatalogGenerator.SeedProduct;
import com.blueprintshop.catalog.seed.CatalogGenerator.SeedSku;
import com.blueprintshop.catalog.system.CatalogProperties;

/**
 * Writes the demo catalog when the service starts on an empty database. It runs before the
 * application reports ready (runners run before readiness flips), inside one transaction
 * holding an advisory lock, so that of several instances starting at once exactly one seeds
 * and the others wait, then find products and skip. Rows go in with COPY: one round trip per
 * table instead of one per row.
 */
@Component
class CatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CatalogProperties.Seed settings;

	private final Clock clock;

	CatalogSeeder(DataSource dataSource, CatalogProperties properties, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.settings = properties.seed();
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.settings.enabled()) {
			seed();
		}
	}

	/** Seeds an empty catalog; returns whether it did. */
	boolean seed() {
		long started = System.nanoTime();
		Boolean seeded = this.transactions.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('catalog.seed'))").query().singleRow();
			if (this.jdbc.sql("select exists (select 1 from product)").query(Boolean.class).single()) {
				return false;
			}
			write();
			// a new generation: whatever a cache kept of the empty catalog (absences) is stale now
			this.jdbc.sql("""
					update catalog_version set version = version + 1, categories_version = version + 1,
					       changed_at = now()
					""").update();
			return true;
		});
		if (Boolean.TRUE.equals(seeded)) {
			// outside the transaction (VACUUM cannot run in one): sets the visibility map, so the
			// listing queries are index-only scans from the first request on
			this.jdbc.sql("vacuum (analyze) product").update();
			this.jdbc.sql("analyze category, sku, product_image, search_word").update();
			log.info("Seeded the catalog with {} products (random seed {}) in {} ms", this.settings.products(),
					this.settings.randomSeed(), (System.nanoTime() - started) / 1_000_000);
			return true;
		}
		log.info("The catalog already has products; not seeding");
		return false;
	}

	private void write() {
		CatalogGenerator generator = new CatalogGenerator(this.settings.randomSeed());
		Map<String, UUID> categoryIds = insertCategories(generator.categories());
		long generating = System.nanoTime();
		List<SeedProduct> products = generator.products(this.settings.products(), this.clock.instant());
		log.debug("Generated {} products in {} ms", products.size(), (System.nanoTime() - generating) / 1_000_000);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			copy(pg, "copy product (id, slug, name, description, category_id, price_amount, currency, featured, "
					+ "status, created_at, updated_at, version) from stdin", (out) -> {
						for (SeedProduct p : products) {
							row(out, p.id(), p.slug(), p.name(), p.description(), categoryIds.get(p.categorySlug()),
									p.price().toPlainString(), "EUR", p.featured() ? "t" : "f", "ACTIVE",
									p.createdAt(), p.updatedAt(), 0);
						}
					});
			copy(pg, "copy sku (sku, product_id, size, colour, price_override, position) from stdin", (out) -> {
				for (SeedProduct p : products) {
					for (SeedSku sku : p.skus()) {
						row(out, sku.code(), p.id(), sku.size(), sku.colour(),
								(sku.priceOverride() != null) ? sku.priceOverride().toPlainString() : null,
								sku.position());
					}
				}
			});
			HexFormat hex = HexFormat.of();
			copy(pg, "copy product_image (id, product_id, position, content_type, bytes, sha256, alt) from stdin",
					(out) -> {
						for (SeedProduct p : products) {
							for (SeedImage image : p.images()) {
								row(out, image.id(), p.id(), image.position(), "image/svg+xml",
										new Bytea(hex.formatHex(image.svg())), image.sha256(), image.alt());
							}
						}
					});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Seeding the catalog failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		this.jdbc.sql("""
				insert into search_word (word, frequency)
				select w, count(*) from product, regexp_split_to_table(lower(name), '[^[:alnum:]]+') as w
				where length(w) >= 3
				group by w
				on conflict (word) do update set frequency = excluded.frequency
				""").update();
	}

	private Map<String, UUID> insertCategories(List<SeedCategory> categories) {
		for (SeedCategory category : categories) {
			this.jdbc.sql("""
					insert into category (id, parent_id, slug, name, description, position, status)
					values (:id, :parentId, :slug, :name, :description, :position, 'ACTIVE')
					on conflict (slug) do nothing
					""")
				.param("id", category.id())
				.param("parentId", category.parentId(), Types.OTHER)
				.param("slug", category.slug())
				.param("name", category.name())
				.param("description", category.description())
				.param("position", category.position())
				.update();
		}
		Map<String, UUID> ids = new HashMap<>();
		this.jdbc.sql("select slug, id from category")
			.query((rs) -> {
				ids.put(rs.getString("slug"), rs.getObject("id", UUID.class));
			});
		return ids;
	}

	private static void copy(PGConnection connection, String sql, CopyBody body) throws SQLException {
		try (PGCopyOutputStream stream = new PGCopyOutputStream(connection, sql, 1 << 16);
				Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
			body.write(out);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof SQLException sql2) {
				throw sql2;
			}
			throw new UncheckedIOException(ex);
		}
	}

	/** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
	private static void row(Writer out, Object... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.write('\t');
			}
			Object value = values[i];
			if (value == null) {
				out.write("\\N");
			}
			else if (value instanceof Bytea bytea) {
				// bytea's hex input "\x…", its backslash escaped for COPY
				out.write("\\\\x");
				out.write(bytea.hex());
			}
			else if (value instanceof Instant instant) {
				out.write(instant.toString());
			}
			else {
				escape(out, value.toString());
			}
		}
		out.write('\n');
	}

	private static void escape(Writer out, String text) throws IOException {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.write("\\\\");
				case '\t' -> out.write("\\t");
				case '\n' -> out.write("\\n");
				case '\r' -> out.write("\\r");
				default -> out.write(c);
			}
		}
	}

	private record Bytea(String hex) {
	}

	@FunctionalInterface
	private interface CopyBody {

		void write(Writer out) throws IOException;

	}

}
