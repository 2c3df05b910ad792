package com.blueprintshop.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.catalog.system.CatalogProperties;

/** The seeder against the machine's PostgreSQL, in throw-away databases. */
class SeedingIntegrationTests {

	private static final int PRODUCTS = 2000;

	private static final List<String> databases = new CopyOnWriteArrayList<>();

	@AfterAll
	static void dropDatabases() {
		databases.forEach(TestDatabase::drop);
	}

	@Test
	void theSameSeedWritesTheSameCatalogAndOnlyOnce() throws Exception {
		DataSource a = freshDatabase();
		DataSource b = freshDatabase();
		assertThat(seeder(a).seed()).isTrue();
		assertThat(seeder(b).seed()).isTrue();

		String firstTwenty = "select name from product order by id limit 20";
		List<String> namesA = JdbcClient.create(a).sql(firstTwenty).query(String.class).list();
		List<String> namesB = JdbcClient.create(b).sql(firstTwenty).query(String.class).list();
		assertThat(namesA).hasSize(20).isEqualTo(namesB);
		String everything = "select md5(string_agg(id || slug || name || price_amount || description, ',' order by id)) from product";
		assertThat(JdbcClient.create(a).sql(everything).query(String.class).single())
			.isEqualTo(JdbcClient.create(b).sql(everything).query(String.class).single());

		assertThat(seeder(a).seed()).as("a catalog with products is not seeded again").isFalse();
		assertThat(count(a, "select count(*) from product")).isEqualTo(PRODUCTS);
	}

	@Test
	void seedsACompleteCatalog() {
		DataSource db = freshDatabase();
		assertThat(seeder(db).seed()).isTrue();
		JdbcClient jdbc = JdbcClient.create(db);
		assertThat(count(db, "select count(*) from category where parent_id is null")).isEqualTo(8);
		assertThat(count(db, "select count(*) from category")).isBetween(50L, 60L);
		assertThat(count(db, "select count(*) from product")).isEqualTo(PRODUCTS);
		assertThat(count(db, "select count(*) from product p where not exists (select 1 from sku s where s.product_id = p.id)"))
			.isZero();
		assertThat(count(db, "select count(*) from product p where (select count(*) from product_image i where i.product_id = p.id) not between 1 and 2"))
			.isZero();
		assertThat(count(db, "select count(*) from product_image where sha256 <> encode(sha256(bytes), 'hex')")).isZero();
		assertThat(jdbc.sql("""
				select c.slug from product p join category c on c.id = p.category_id
				where p.name = 'Studio Wireless Headphones'
				""").query(String.class).list()).containsExactly("headphones");
		assertThat(count(db, "select count(*) from search_word where word = 'headphones'")).isOne();
	}

	@Test
	void ofTwoInstancesStartingAtOnceExactlyOneSeeds() throws Exception {
		DataSource db = freshDatabase();
		Callable<Boolean> seed = () -> seeder(db).seed();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Future<Boolean> one = pool.submit(seed);
			Future<Boolean> other = pool.submit(seed);
			assertThat(List.of(one.get(), other.get())).containsExactlyInAnyOrder(true, false);
		}
		assertThat(count(db, "select count(*) from product")).isEqualTo(PRODUCTS);
	}

	/** A new database with the catalog's schema (Flyway, as at start-up) and no rows. */
	private static DataSource freshDatabase() {
		String name = TestDatabase.create("bp_catalog_seed");
		databases.add(name);
		DataSource db = new DriverManagerDataSource(TestDatabase.url(name), "postgres", "");
		Flyway.configure().dataSource(db).load().migrate();
		return db;
	}

	private static CatalogSeeder seeder(DataSource db) {
		CatalogProperties properties = new CatalogProperties("/images", new CatalogProperties.Seed(true, 42, PRODUCTS),
				new CatalogProperties.Search(3, 0.4, 0.45, 0.45));
		return new CatalogSeeder(db, properties, Clock.systemUTC());
	}

	private static long count(DataSource db, String sql) {
		return JdbcClient.create(db).sql(sql).query(Long.class).single();
	}

}
