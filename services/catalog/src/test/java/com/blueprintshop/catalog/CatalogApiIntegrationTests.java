package com.blueprintshop.catalog;

import static com.blueprintshop.defaults.TestHttp.fields;
import static com.blueprintshop.defaults.TestHttp.names;
import static com.blueprintshop.defaults.TestHttp.ok;
import static com.blueprintshop.defaults.TestHttp.slugs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.defaults.TestTokens;

/**
 * What shoppers read: categories, category pages, products, search and images, on a real server
 * over a throw-away PostgreSQL database seeded with 2,000 products, with a KRaft broker in the
 * test JVM.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.catalog.seed.products=2000" })
@EmbeddedKafka(partitions = 3, topics = "catalog.changed", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestTokens.Decoder.class)
@DirtiesContext
class CatalogApiIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_catalog_api_test");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void listsTheCategoryTreeInOrderWithProductCounts() {
		JsonNode categories = ok(this.http.get("/categories"));
		assertThat(categories.size()).isBetween(50, 60);
		assertThat(categories.get(0).get("depth").asInt()).isZero();
		assertThat(categories.get(1).get("parentSlug").asString()).isEqualTo(categories.get(0).get("slug").asString());
		long departments = 0;
		long products = 0;
		for (JsonNode category : categories) {
			if (category.get("depth").asInt() == 0) {
				departments++;
				products += category.get("productCount").asLong();
			}
		}
		assertThat(departments).isEqualTo(8);
		assertThat(products).isEqualTo(activeProducts());
	}

	@Test
	void showsACategoryWithBreadcrumbsAndChildren() {
		JsonNode headphones = ok(this.http.get("/categories/headphones"));
		assertThat(headphones.get("parentSlug").asString()).isEqualTo("audio");
		assertThat(slugs(headphones.get("breadcrumbs"))).containsExactly("audio", "headphones");
		JsonNode audio = ok(this.http.get("/categories/audio"));
		assertThat(slugs(audio.get("children"))).contains("headphones", "earbuds", "speakers");
	}

	@Test
	void walkingEveryPageOfACategoryGivesEachProductExactlyOnceInOrder() {
		List<JsonNode> walked = walk("/categories/audio/products?sort=price_asc&size=48");
		List<UUID> ids = walked.stream().map((p) -> UUID.fromString(p.get("id").asString())).toList();
		assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
		assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(this.jdbc.sql("""
				select p.id from product p join category c on c.id = p.category_id
				where p.status = 'ACTIVE' and (c.slug = 'audio' or c.parent_id = (select id from category where slug = 'audio'))
				""").query(UUID.class).list()));
		for (int i = 1; i < walked.size(); i++) {
			BigDecimal previous = walked.get(i - 1).get("price").get("amount").decimalValue();
			BigDecimal current = walked.get(i).get("price").get("amount").decimalValue();
			assertThat(previous.compareTo(current) < 0 || (previous.compareTo(current) == 0
					&& ids.get(i - 1).toString().compareTo(ids.get(i).toString()) < 0))
				.as("item %d is after item %d in (price, id) order", i, i - 1)
				.isTrue();
		}
	}

	@Test
	void everySortIsTotalAndStable() {
		for (String sort : List.of("price_desc", "name", "newest")) {
			List<String> firstWalk = walk("/categories/headphones/products?size=40&sort=" + sort).stream()
				.map((p) -> p.get("id").asString())
				.toList();
			assertThat(new HashSet<>(firstWalk)).hasSameSizeAs(firstWalk);
			assertThat(walk("/categories/headphones/products?size=17&sort=" + sort).stream()
				.map((p) -> p.get("id").asString())
				.toList()).as(sort).isEqualTo(firstWalk);
		}
	}

	@Test
	void refusesPagesLargerThanFortyEightWithAFieldError() {
		Reply reply = this.http.get("/categories/audio/products?size=49");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
		assertThat(fields(reply.json())).contains("size");
		assertThat(fields(this.http.get("/categories/audio/products?page=1001").json())).contains("page");
		assertThat(fields(this.http.get("/search?q=lamp&size=100").json())).contains("size");
		assertThat(fields(this.http.get("/products/featured?limit=25").json())).contains("limit");
	}

	@Test
	void refusesAnUnknownSort() {
		Reply reply = this.http.get("/categories/audio/products?sort=price;drop");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(fields(reply.json())).containsExactly("sort");
	}

	@Test
	void answersUnknownSlugsWithANotFoundProblem() {
		for (String path : List.of("/products/no-such-product", "/categories/no-such-category",
				"/categories/no-such-category/products", "/products/by-id/" + UUID.randomUUID(),
				"/images/" + UUID.randomUUID() + "-0123456789abcdef.svg")) {
			Reply reply = this.http.get(path);
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
			assertThat(reply.json().get("traceId").asString()).isNotBlank();
		}
	}

	@Test
	void showsAProductBySlugAndByIdWithSkusImagesAndBreadcrumbs() {
		JsonNode product = ok(this.http.get("/products/studio-wireless-headphones"));
		assertThat(product.get("name").asString()).isEqualTo("Studio Wireless Headphones");
		assertThat(product.get("category").get("slug").asString()).isEqualTo("headphones");
		assertThat(slugs(product.get("breadcrumbs"))).containsExactly("audio", "headphones");
		assertThat(product.get("price").get("currency").asString()).isEqualTo("EUR");
		assertThat(product.get("price").get("amount").decimalValue().scale()).isEqualTo(2);
		assertThat(product.get("skus").size()).isBetween(1, 3);
		assertThat(product.get("images").get(0).get("url").asString())
			.matches("/images/[0-9a-f-]{36}-[0-9a-f]{16}\\.svg");
		assertThat(product.get("status").asString()).isEqualTo("ACTIVE");
		JsonNode byId = ok(this.http.get("/products/by-id/" + product.get("id").asString()));
		assertThat(byId.get("slug").asString()).isEqualTo("studio-wireless-headphones");
	}

	@Test
	void servesImagesImmutableWithTheirTypeAndAStrictPolicyForSvg() {
		JsonNode product = ok(this.http.get("/products/studio-wireless-headphones"));
		String url = product.get("images").get(0).get("url").asString();
		Reply image = this.http.get(url);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.headers().getContentType()).hasToString("image/svg+xml");
		assertThat(image.headers().getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
		assertThat(image.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(image.headers().getFirst("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
		assertThat(image.body()).startsWith("<svg").contains(">SWH</text>");
		String wrongVersion = url.replaceAll("-[0-9a-f]{16}\\.svg$", "-0000000000000000.svg");
		assertThat(this.http.get(wrongVersion).status()).isEqualTo(404);
	}

	@Test
	void listsFeaturedAndNewProducts() {
		JsonNode featured = ok(this.http.get("/products/featured?limit=8"));
		assertThat(featured.size()).isEqualTo(8);
		JsonNode newest = ok(this.http.get("/products/new?limit=5"));
		assertThat(newest.size()).isEqualTo(5);
		for (int i = 1; i < newest.size(); i++) {
			assertThat(newest.get(i - 1).get("createdAt").asString())
				.isGreaterThanOrEqualTo(newest.get(i).get("createdAt").asString());
		}
	}

	@Test
	void findsHeadphonesDespiteATypoAndSaysWhatItSearched() {
		JsonNode result = ok(this.http.get("/search?q=hedphones"));
		assertThat(result.get("query").asString()).isEqualTo("hedphones");
		assertThat(result.get("didYouMean").asString()).isEqualTo("headphones");
		assertThat(names(result.get("items"))).contains("Studio Wireless Headphones");
		assertThat(result.get("items").get(0).get("name").asString()).isEqualTo("Studio Wireless Headphones");
		JsonNode exact = ok(this.http.get("/search?q=headphones"));
		assertThat(exact.get("didYouMean").isNull()).isTrue();
		assertThat(exact.get("totalItems").asLong()).isEqualTo(result.get("totalItems").asLong());
	}

	@Test
	void countsFacetsOverTheWholeResultNotJustThePage() {
		JsonNode result = ok(this.http.get("/search?q=walnut&size=5"));
		long total = result.get("totalItems").asLong();
		assertThat(total).isGreaterThan(5);
		assertThat(result.get("items").size()).isEqualTo(5);
		assertThat(sum(result.get("facets").get("categories"))).isEqualTo(total);
		assertThat(sum(result.get("facets").get("prices"))).isEqualTo(total);
		assertThat(result.get("totalPages").asInt()).isEqualTo((int) ((total + 4) / 5));

		JsonNode cheap = ok(this.http.get("/search?q=walnut&maxPrice=50&size=48"));
		assertThat(cheap.get("totalItems").asLong()).isLessThan(total);
		cheap.get("items").forEach((item) -> assertThat(item.get("price").get("amount").decimalValue())
			.isLessThanOrEqualTo(new BigDecimal("50")));
	}

	@Test
	void treatsSqlAndScriptInTheQueryAsPlainText() {
		long all = activeProducts();
		for (String payload : List.of("' OR 1=1 --", "<script>alert(1)</script>", "'; drop table product; --",
				"\\\" % _ ::text")) {
			Reply reply = this.http.get("/search?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
			assertThat(reply.status()).as(payload).isEqualTo(200);
			JsonNode result = reply.json();
			assertThat(result.get("query").asString()).isEqualTo(payload);
			assertThat(result.get("totalItems").asLong()).as(payload).isLessThan(all / 10);
		}
		assertThat(ok(this.http.get("/search?q=" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8)))
			.get("totalItems")
			.asLong()).isZero();
		Reply suggest = this.http.get("/search/suggest?q=" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8));
		assertThat(suggest.status()).isEqualTo(200);
		assertThat(activeProducts()).isEqualTo(all);
	}

	@Test
	void answersControlCharactersWithoutAnError() {
		assertThat(this.http.get("/search?q=%00lamp").status()).isEqualTo(200);
		assertThat(this.http.get("/search/suggest?q=%00").status()).isEqualTo(200);
		assertThat(this.http.get("/products/lamp%00x").status()).isIn(400, 404);
		assertThat(this.http.get("/categories/audio%00/products").status()).isIn(400, 404);
	}

	@Test
	void boundsTheQueryLength() {
		assertThat(fields(this.http.get("/search?q=").json())).contains("q");
		assertThat(fields(this.http.get("/search?q=" + "a".repeat(101)).json())).contains("q");
		assertThat(this.http.get("/search?q=" + "a".repeat(100)).status()).isEqualTo(200);
		assertThat(fields(this.http.get("/search/suggest?q=lamp&limit=11").json())).contains("limit");
	}

	@Test
	void suggestsDistinctNamesWhileTyping() {
		JsonNode suggestions = ok(this.http.get("/search/suggest?q=studio%20wire&limit=5"));
		assertThat(names(suggestions)).first().isEqualTo("Studio Wireless Headphones");
		assertThat(new HashSet<>(names(suggestions))).hasSameSizeAs(names(suggestions));
		assertThat(names(ok(this.http.get("/search/suggest?q=hedph")))).allMatch((name) -> name.contains("Head"));
	}

	@Test
	void publishesItsApiAndKeepsAbout() {
		Reply docs = this.http.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/categories/{slug}/products", "/search", "/admin/products/{id}", "/skus");
		JsonNode about = ok(this.http.get("/about"));
		assertThat(about.get("service").asString()).isEqualTo("catalog");
		assertThat(about.get("database").get("name").asString()).isEqualTo(DATABASE);
		assertThat(about.get("database").get("schemaVersion").asString()).isEqualTo("4");
	}

	@Test
	void walksEverySkuInCodeOrderForTheServicesThatStockThem() {
		List<String> codes = new ArrayList<>();
		String after = null;
		int slices = 0;
		do {
			JsonNode slice = ok(this.http.get("/skus?limit=1000" + ((after != null) ? "&after=" + after : "")));
			slice.get("items").forEach((sku) -> codes.add(sku.get("sku").asString()));
			after = slice.get("next").isNull() ? null : slice.get("next").asString();
			slices++;
		}
		while (after != null);
		long skus = this.jdbc.sql("select count(*) from sku").query(Long.class).single();
		assertThat(codes).hasSize((int) skus).doesNotHaveDuplicates().isSorted();
		assertThat(slices).isGreaterThan(1);
	}

	@Test
	void looksUpSkusWithTheirProductAndCurrentPrice() {
		JsonNode headphones = ok(this.http.get("/products/studio-wireless-headphones"));
		String code = headphones.get("skus").get(0).get("sku").asString();
		JsonNode found = ok(this.http.get("/skus?sku=" + code + "&sku=NO-SUCH-SKU")).get("items");
		assertThat(found.size()).isOne();
		assertThat(found.get(0).get("productName").asString()).isEqualTo("Studio Wireless Headphones");
		assertThat(found.get(0).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(found.get(0).get("price").get("amount").decimalValue())
			.isEqualByComparingTo(headphones.get("skus").get(0).get("price").get("amount").decimalValue());

		StringBuilder tooMany = new StringBuilder("/skus?sku=A-0");
		for (int i = 1; i <= 100; i++) {
			tooMany.append("&sku=A-").append(i);
		}
		assertThat(fields(this.http.get(tooMany.toString()).json())).containsExactly("sku");
		assertThat(fields(this.http.get("/skus?sku=lower%20case").json())).containsExactly("sku");
		assertThat(fields(this.http.get("/skus?after=%27%20OR%201%3D1").json())).containsExactly("after");
	}

	private List<JsonNode> walk(String firstPage) {
		List<JsonNode> items = new ArrayList<>();
		JsonNode page = ok(this.http.get(firstPage + "&page=1"));
		int pages = page.get("totalPages").asInt();
		long total = page.get("totalItems").asLong();
		page.get("items").forEach(items::add);
		for (int n = 2; n <= pages; n++) {
			ok(this.http.get(firstPage + "&page=" + n)).get("items").forEach(items::add);
		}
		assertThat(items).hasSize((int) total);
		return items;
	}

	private long activeProducts() {
		return this.jdbc.sql("select count(*) from product where status = 'ACTIVE'").query(Long.class).single();
	}

	private static long sum(JsonNode facets) {
		long sum = 0;
		for (JsonNode facet : facets) {
			sum += facet.get("count").asLong();
		}
		return sum;
	}

}
