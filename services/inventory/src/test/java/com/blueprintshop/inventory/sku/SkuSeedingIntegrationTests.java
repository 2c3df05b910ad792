package com.blueprintshop.inventory.sku;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.inventory.TestCatalog;
import com.blueprintshop.inventory.system.InventoryProperties;

/**
 * Learning catalog's SKUs at first start, from a catalog served by the test over HTTP, into the
 * machine's PostgreSQL (a throw-away database). The service seeds in the background at start-up;
 * the other tests run seeders of their own against an emptied inventory, two at once where it
 * matters.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
		"shop.inventory.seed.page-size=50" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkuSeedingIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_inventory_seed_test");

	private static final TestCatalog CATALOG = new TestCatalog();

	private static final UUID HEADPHONES = CATALOG.product("studio-wireless-headphones", "Studio Wireless Headphones",
			"BP000001-1", "BP000001-2", "BP000001-3");

	private static final UUID RETIRED;

	private static final int SKUS;

	static {
		for (int p = 2; p <= 120; p++) {
			CATALOG.product("product-" + p, "Product " + p, String.format(Locale.ROOT, "BP%06d-1", p),
					String.format(Locale.ROOT, "BP%06d-2", p), String.format(Locale.ROOT, "BP%06d-3", p));
		}
		RETIRED = CATALOG.product("retired-product", "Retired product", "BP999999-1");
		CATALOG.retire(RETIRED);
		SKUS = CATALOG.skuCount();
	}

	private static final String STOCK = "select md5(string_agg(sku || ':' || warehouse_id || ':' || on_hand, ',' order by sku, warehouse_id)) from stock";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("shop.inventory.catalog-url", CATALOG::url);
	}

	@AfterAll
	static void closeCatalog() {
		CATALOG.close();
	}

	@Autowired
	CatalogClient catalog;

	@Autowired
	SkuRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	@Order(1)
	void learnsEverySkuOfCatalogInTheBackgroundAtFirstStart() {
		awaitStartupSeeding();
		assertThat(count("select count(*) from sku")).isEqualTo(SKUS);
		assertThat(count("select count(*) from stock")).isEqualTo(2L * SKUS);
		assertThat(this.jdbc.sql("select active from sku where sku = 'BP999999-1'").query(Boolean.class).single()).isFalse();
		assertThat(count("select count(*) from sku where product_id = '" + HEADPHONES + "' and product_name = 'Studio Wireless Headphones'"))
			.isEqualTo(3);
		assertThat(this.jdbc.sql("select min(on_hand) from stock where sku like 'BP000001-%'").query(Integer.class).single())
			.isGreaterThanOrEqualTo(20);
		assertThat(this.jdbc.sql("select max(on_hand) from stock").query(Integer.class).single()).isBetween(1, 40);
		assertThat(count("select count(*) from stock where reserved <> 0")).isZero();
	}

	@Test
	void twoInstancesSeedingAtOnceWriteEverySkuAndStockRowOnce() throws Exception {
		emptyInventory();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Future<Integer> one = pool.submit(() -> seeder(42, 20).seed());
			Future<Integer> other = pool.submit(() -> seeder(42, 20).seed());
			assertThat(one.get() + other.get()).isEqualTo(SKUS);
		}
		assertThat(count("select count(*) from sku")).isEqualTo(SKUS);
		assertThat(count("select count(*) from stock")).isEqualTo(2L * SKUS);
		assertThat(count("select count(*) from sku_seed")).isOne();
		int pagesBefore = CATALOG.skuPagesServed();
		assertThat(seeder(42, 20).seed()).as("a finished walk is not repeated").isEqualTo(-1);
		assertThat(CATALOG.skuPagesServed()).isEqualTo(pagesBefore);
	}

	@Test
	void theSameRandomSeedGivesTheSameStockWhateverThePagesAndAnotherSeedOtherStock() throws Exception {
		emptyInventory();
		seeder(42, 1000).seed();
		String bigPages = this.jdbc.sql(STOCK).query(String.class).single();
		emptyInventory();
		seeder(42, 7).seed();
		String smallPages = this.jdbc.sql(STOCK).query(String.class).single();
		emptyInventory();
		seeder(43, 1000).seed();
		String otherSeed = this.jdbc.sql(STOCK).query(String.class).single();
		assertThat(smallPages).isEqualTo(bigPages);
		assertThat(otherSeed).isNotEqualTo(bigPages);
	}

	@Test
	void keepsAskingACatalogThatDoesNotAnswerYet() throws Exception {
		emptyInventory();
		CATALOG.failNext(3);
		assertThat(seeder(42, 100).seed()).isEqualTo(SKUS);
		assertThat(count("select count(*) from sku")).isEqualTo(SKUS);
	}

	private SkuSeeder seeder(long randomSeed, int pageSize) {
		InventoryProperties properties = new InventoryProperties(CATALOG.url(), Duration.ofMinutes(30),
				Duration.ofSeconds(30), 5, 1000, new InventoryProperties.Seed(true, randomSeed, pageSize,
						Duration.ofMillis(10), Duration.ofMillis(40)));
		return new SkuSeeder(this.catalog, this.registry, this.jdbc, this.transactions, properties, Clock.systemUTC());
	}

	private void awaitStartupSeeding() {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from sku_seed") == 1);
	}

	private void emptyInventory() {
		awaitStartupSeeding();
		this.jdbc.sql("truncate reservation, stock, sku, sku_seed, outbox").update();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
