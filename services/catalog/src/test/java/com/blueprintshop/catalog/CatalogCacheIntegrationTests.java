package com.blueprintshop.catalog;

import static com.blueprintshop.defaults.TestHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.blueprintshop.defaults.TestRedis;
import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.defaults.TestInstances;
import com.blueprintshop.defaults.TestTokens;

/**
 * Two catalog instances (two application contexts on random ports) over one database and one
 * redis-server of the test's own. Near and Redis TTLs are long here, so only the invalidation
 * can explain a change showing on the other instance. Kafka is unreachable on purpose: events
 * wait in the outbox, which is not what is tested.
 */
class CatalogCacheIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(CatalogCacheIntegrationTests.class);

	/** A correctness bound, not a timing target: the measured lag is logged. */
	private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(5);

	private static final String DATABASE = TestDatabase.create("bp_catalog_cache_test");

	private static final HttpClient client = HttpClient.newHttpClient();

	private static TestRedis redis;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static TestHttp httpA;

	private static TestHttp httpB;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		redis = TestRedis.start();
		a = instance(redis.url(), Map.of());
		b = instance(redis.url(), Map.of());
		httpA = new TestHttp(TestInstances.port(a));
		httpB = new TestHttp(TestInstances.port(b));
		jdbc = a.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (redis != null) {
			redis.stop();
		}
		TestDatabase.drop(DATABASE);
	}

	@Test
	void aPriceChangeMadeThroughOneInstanceIsServedByBothAndNeverReverts() {
		JsonNode product = product(0);
		String path = "/products/" + product.get("slug").asString();
		for (int i = 0; i < 3; i++) {
			ok(httpA.get(path));
			ok(httpB.get(path));
		}
		String newPrice = "1234.56";
		long changed = System.nanoTime();
		ok(httpA.put("/admin/products/" + product.get("id").asString(), TestTokens.admin(),
				TestHttp.json(edit(product, newPrice))));
		assertThat(price(httpA.get(path))).as("the changing instance, right after the change").isEqualTo(newPrice);
		awaitTrue(() -> newPrice.equals(price(httpB.get(path))), "instance B serves the new price");
		log.info("Invalidation lag (from sending the change to A until B served the new price): {} ms",
				(System.nanoTime() - changed) / 1_000_000);
		for (int i = 0; i < 100; i++) {
			assertThat(price(httpA.get(path))).isEqualTo(newPrice);
			assertThat(price(httpB.get(path))).isEqualTo(newPrice);
			assertThat(price(httpB.get("/products/by-id/" + product.get("id").asString()))).isEqualTo(newPrice);
		}
	}

	@Test
	void aRetiredProductIsNotFoundOnBothInstancesFromEveryLevel() {
		JsonNode product = product(1);
		String bySlug = "/products/" + product.get("slug").asString();
		String byId = "/products/by-id/" + product.get("id").asString();
		for (TestHttp http : List.of(httpA, httpB)) {
			ok(http.get(bySlug));
			ok(http.get(byId));
		}
		ok(httpA.post("/admin/products/" + product.get("id").asString() + "/retire", TestTokens.admin()));
		awaitTrue(() -> httpB.get(bySlug).status() == 404 && httpB.get(byId).status() == 404,
				"instance B no longer serves the retired product");
		for (int i = 0; i < 20; i++) {
			for (TestHttp http : List.of(httpA, httpB)) {
				assertThat(http.get(bySlug).status()).isEqualTo(404);
				assertThat(http.get(byId).status()).isEqualTo(404);
			}
		}
		// a third instance has empty near caches: it sees the tombstone in Redis (or the database)
		try (ConfigurableApplicationContext c = instance(redis.url(), Map.of())) {
			TestHttp httpC = new TestHttp(TestInstances.port(c));
			assertThat(httpC.get(bySlug).status()).isEqualTo(404);
			assertThat(httpC.get(byId).status()).isEqualTo(404);
			assertThat(loads(c)).as("the tombstones came from Redis").isZero();
		}
	}

	@Test
	void concurrentMissesOfOneProductCauseOneDatabaseLoad() throws Exception {
		String path = "/products/by-id/" + product(2).get("id").asString();
		double before = loads(a);
		int readers = 16;
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
			for (int i = 0; i < readers; i++) {
				statuses.add(pool.submit(() -> {
					go.await();
					return httpA.get(path).status();
				}));
			}
			go.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		assertThat(loads(a) - before).isEqualTo(1.0);
	}

	@Test
	void aMatchingIfNoneMatchIsNotModifiedAndAChangeGivesANewEtag() throws Exception {
		JsonNode product = product(3);
		String path = "/products/" + product.get("slug").asString();
		HttpResponse<String> first = conditionalGet(TestInstances.port(b), path, null);
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(first.headers().firstValue("Last-Modified")).isPresent();
		HttpResponse<String> again = conditionalGet(TestInstances.port(b), path, etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		HttpResponse<String> categories = conditionalGet(TestInstances.port(b), "/categories", null);
		String listEtag = categories.headers().firstValue("ETag").orElseThrow();
		assertThat(conditionalGet(TestInstances.port(b), "/categories", listEtag).statusCode()).isEqualTo(304);
		long versionBefore = ok(httpB.get("/version")).get("version").asLong();

		ok(httpA.put("/admin/products/" + product.get("id").asString(), TestTokens.admin(),
				TestHttp.json(edit(product, "77.75"))));
		awaitTrue(() -> conditionalGet(TestInstances.port(b), path, etag).statusCode() == 200, "B answers the old ETag with 200");
		HttpResponse<String> changed = conditionalGet(TestInstances.port(b), path, etag);
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		awaitTrue(() -> conditionalGet(TestInstances.port(b), "/categories", listEtag).statusCode() == 200,
				"B answers the old catalog ETag with 200");
		assertThat(ok(httpB.get("/version")).get("version").asLong()).isGreaterThan(versionBefore);
	}

	@Test
	void creatingAProductEvictsTheNegativeEntryOfItsSlug() {
		String name = "Cache Probe Lamp " + System.nanoTime();
		String slug = com.blueprintshop.catalog.system.Slugs.slugify(name, 130);
		assertThat(httpA.get("/products/" + slug).status()).isEqualTo(404);
		assertThat(httpB.get("/products/" + slug).status()).isEqualTo(404);
		Reply created = httpA.post("/admin/products", TestTokens.admin(), TestHttp.json(Map.of("name", name,
				"description", "", "categorySlug", "headphones", "price", Map.of("amount", 19.99, "currency", "EUR"),
				"featured", false)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("slug").asString()).isEqualTo(slug);
		assertThat(httpA.get("/products/" + slug).status()).isEqualTo(200);
		awaitTrue(() -> httpB.get("/products/" + slug).status() == 200, "B serves the new product");
	}

	@Test
	void cacheMetricsOfBothLevelsAndTheLoadsAreExported() {
		ok(httpA.get("/products/" + product(4).get("slug").asString()));
		ok(httpA.get("/products/" + product(4).get("slug").asString()));
		String metrics = httpA.get("/actuator/prometheus").body();
		assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"catalog.near.products\"[^}]*result=\"hit\"");
		assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"catalog.redis.products\"[^}]*result=\"miss\"");
		assertThat(metrics).containsPattern("catalog_cache_loads_total\\{[^}]*cache=\"products\"");
	}

	@Test
	void withoutItsNearCacheAnInstanceReadsRedisEveryTimeAndStillSeesChanges() {
		try (ConfigurableApplicationContext c = instance(redis.url(), Map.of("shop.catalog.cache.near.enabled", "false"))) {
			TestHttp httpC = new TestHttp(TestInstances.port(c));
			JsonNode product = product(12);
			String path = "/products/" + product.get("slug").asString();
			for (int i = 0; i < 5; i++) {
				ok(httpC.get(path));
			}
			assertThat(gets(c, "catalog.near.products")).as("no near cache asked").isZero();
			assertThat(gets(c, "catalog.redis.products")).isGreaterThanOrEqualTo(5);
			assertThat(loads(c)).as("at most the first read went to the database").isLessThanOrEqualTo(1);

			ok(httpA.put("/admin/products/" + product.get("id").asString(), TestTokens.admin(),
					TestHttp.json(edit(product, "77.75"))));
			assertThat(price(httpC.get(path))).as("Redis was written after the change committed").isEqualTo("77.75");
		}
	}

	@Test
	void withoutTheRedisLevelNearCachesStillLoadOnceAndAreInvalidatedByTheChange() {
		Map<String, Object> noRedisLevel = Map.of("shop.catalog.cache.redis.enabled", "false");
		try (ConfigurableApplicationContext c = instance(redis.url(), noRedisLevel);
				ConfigurableApplicationContext d = instance(redis.url(), noRedisLevel)) {
			TestHttp httpC = new TestHttp(TestInstances.port(c));
			TestHttp httpD = new TestHttp(TestInstances.port(d));
			JsonNode product = product(13);
			String path = "/products/" + product.get("slug").asString();
			for (int i = 0; i < 5; i++) {
				ok(httpC.get(path));
				ok(httpD.get(path));
			}
			assertThat(gets(c, "catalog.redis.products")).as("no Redis level asked").isZero();
			assertThat(loads(c)).as("one load, then the near cache").isEqualTo(1);

			ok(httpC.put("/admin/products/" + product.get("id").asString(), TestTokens.admin(),
					TestHttp.json(edit(product, "88.85"))));
			// invalidations still travel over pub/sub: D's near entry goes although it lives 10 minutes
			awaitTrue(() -> "88.85".equals(price(httpD.get(path))), "instance D serves the new price");
		}
	}

	@Test
	void withRedisStoppedReadsAreServedFromTheDatabase() {
		TestRedis own = TestRedis.start();
		try (ConfigurableApplicationContext c = instance(own.url(), Map.of("shop.http-cache.enabled", "false"))) {
			TestHttp httpC = new TestHttp(TestInstances.port(c));
			ok(httpC.get("/products/" + product(5).get("slug").asString()));
			own.stop();
			for (int i = 6; i < 12; i++) {
				Reply reply = httpC.get("/products/" + product(i).get("slug").asString());
				assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
				assertThat(reply.headers().getETag()).as("shop.http-cache.enabled=false").isNull();
			}
			assertThat(ok(httpC.get("/categories/headphones/products?sort=price_asc")).get("items").size())
				.isPositive();
			assertThat(ok(httpC.get("/categories")).size()).isPositive();
			assertThat(ok(httpC.get("/version")).get("version").asLong()).isPositive();
		}
		finally {
			own.stop();
		}
	}

	private static ConfigurableApplicationContext instance(String redisUrl, Map<String, Object> extra) {
		Map<String, Object> properties = new java.util.HashMap<>(Map.of("server.port", "0",
				"eureka.client.enabled", "false", "spring.datasource.url", TestDatabase.url(DATABASE),
				"spring.datasource.username", "postgres", "shop.catalog.seed.products", "200",
				"spring.kafka.bootstrap-servers", "127.0.0.1:9", "spring.data.redis.url", redisUrl,
				"shop.catalog.cache.near.ttl", "10m", "shop.catalog.cache.redis.ttl", "10m"));
		properties.putAll(extra);
		return TestInstances.start(CatalogApplication.class, properties);
	}

	private static double gets(ConfigurableApplicationContext context, String cache) {
		return context.getBean(MeterRegistry.class).find("cache.gets").tag("cache", cache).counters().stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count)
			.sum() + context.getBean(MeterRegistry.class).find("cache.gets").tag("cache", cache).functionCounters()
			.stream()
			.mapToDouble(io.micrometer.core.instrument.FunctionCounter::count)
			.sum();
	}

	private static double loads(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class).get("catalog.cache.loads").tag("cache", "products").counter()
			.count();
	}

	/** The n-th active product by name; each test takes its own. */
	private static JsonNode product(int n) {
		String slug = jdbc.sql("select slug from product where status = 'ACTIVE' order by name, id offset :n limit 1")
			.param("n", n * 7)
			.query(String.class)
			.single();
		return ok(httpA.get("/products/" + slug));
	}

	private static Map<String, Object> edit(JsonNode product, String price) {
		return Map.of("name", product.get("name").asString(), "description", product.get("description").asString(),
				"categorySlug", product.get("category").get("slug").asString(), "price",
				Map.of("amount", new java.math.BigDecimal(price), "currency", "EUR"), "featured",
				product.get("featured").asBoolean(), "version", product.get("version").asLong());
	}

	private static String price(Reply reply) {
		return ok(reply).get("price").get("amount").decimalValue().toPlainString();
	}

	private static HttpResponse<String> conditionalGet(int port, String path, String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Polls {@code condition} until it holds, failing after {@link #PROPAGATION_BOUND}. */
	private static void awaitTrue(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + PROPAGATION_BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within " + PROPAGATION_BOUND).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

}
