package com.blueprintshop.catalog;

import static com.blueprintshop.defaults.TestHttp.fields;
import static com.blueprintshop.defaults.TestHttp.names;
import static com.blueprintshop.defaults.TestHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.defaults.TestTokens;

/**
 * What staff do, and what leaves the service when they do it: the admin API behind role ADMIN,
 * optimistic locking, uploads, and {@code catalog.changed} events read back from a real KRaft
 * broker in the test JVM. PostgreSQL is the machine's own (a throw-away database).
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.catalog.seed.products=2000" })
@EmbeddedKafka(partitions = 3, topics = "catalog.changed", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestTokens.Decoder.class)
@DirtiesContext
class CatalogAdminIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_catalog_admin_test");

	private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Consumer<String, String> consumer;

	private static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void closeConsumer() {
		if (consumer != null) {
			consumer.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		if (consumer == null) {
			Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "catalog-tests", false);
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
			consumer.subscribe(List.of("catalog.changed"));
		}
	}

	@Test
	void refusesAdminRequestsWithoutAValidStaffToken() {
		Reply anonymous = this.http.get("/admin/products");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(this.http.get("/admin/products", TestTokens.tampered()).status()).isEqualTo(401);
		assertThat(this.http.get("/admin/products", TestTokens.expiredAdmin()).status()).isEqualTo(401);
		assertThat(this.http.get("/admin/products", TestTokens.token(List.of("ADMIN"), "http://elsewhere",
				Duration.ofMinutes(5))).status()).isEqualTo(401);
		Reply customer = this.http.get("/admin/products", TestTokens.customer());
		assertThat(customer.status()).isEqualTo(403);
		assertThat(customer.json().get("status").asInt()).isEqualTo(403);
		assertThat(this.http.post("/admin/categories", TestTokens.customer(),
				TestHttp.json(Map.of("name", "Sneaky"))).status()).isEqualTo(403);
		assertThat(this.http.get("/admin/products", TestTokens.admin()).status()).isEqualTo(200);
	}

	@Test
	void aPriceChangeIsSavedAndPublishedAsProductUpdated() {
		JsonNode summary = ok(this.http.get("/categories/speakers/products?size=1&sort=name")).get("items").get(0);
		String id = summary.get("id").asString();
		JsonNode before = ok(this.http.get("/admin/products/" + id, TestTokens.admin()));
		long version = before.get("version").asLong();

		Reply reply = this.http.put("/admin/products/" + id, TestTokens.admin(), edit(before, "123.45", version));
		JsonNode after = ok(reply);
		assertThat(after.get("price").get("amount").decimalValue()).isEqualByComparingTo("123.45");
		assertThat(after.get("version").asLong()).isEqualTo(version + 1);
		assertThat(ok(this.http.get("/products/" + after.get("slug").asString())).get("price").get("amount").decimalValue())
			.isEqualByComparingTo("123.45");

		ConsumerRecord<String, String> event = awaitEvent((record) -> record.key().equals(id)
				&& type(record).equals("PRODUCT_UPDATED") && json(record).get("version").asLong() == version + 1);
		JsonNode payload = json(event);
		assertThat(payload.get("productId").asString()).isEqualTo(id);
		assertThat(payload.get("productSlug").asString()).isEqualTo(after.get("slug").asString());
		assertThat(payload.get("categorySlug").asString()).isEqualTo("speakers");
		assertThat(payload.get("categoryId").asString()).isNotBlank();
		assertThat(UUID.fromString(payload.get("eventId").asString())).isNotNull();
		assertThat(payload.get("occurredAt").asString()).isNotBlank();
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		String id = ok(this.http.get("/categories/lighting/products?size=1&sort=name")).get("items").get(0).get("id")
			.asString();
		JsonNode product = ok(this.http.get("/admin/products/" + id, TestTokens.admin()));
		long version = product.get("version").asLong();
		ok(this.http.put("/admin/products/" + id, TestTokens.admin(), edit(product, "10.00", version)));

		Reply stale = this.http.put("/admin/products/" + id, TestTokens.admin(), edit(product, "99.00", version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.headers().getContentType()).hasToString("application/problem+json");
		assertThat(fields(stale.json())).containsExactly("version");
		JsonNode now = ok(this.http.get("/admin/products/" + id, TestTokens.admin()));
		assertThat(now.get("price").get("amount").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(now.get("version").asLong()).isEqualTo(version + 1);
	}

	@Test
	void createsRetiresAndRestoresAProductAnnouncingEachStep() {
		Reply created = this.http.post("/admin/products", TestTokens.admin(), TestHttp.json(form("Oak Reading Lamp",
				"A reading lamp of oiled oak.", "lighting", "89.00", true, null)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode product = created.json();
		String id = product.get("id").asString();
		assertThat(created.headers().getLocation()).hasToString("/admin/products/" + id);
		assertThat(product.get("slug").asString()).isEqualTo("oak-reading-lamp");
		assertThat(product.get("skus").size()).isEqualTo(1);
		assertThat(product.get("version").asLong()).isZero();
		assertThat(ok(this.http.get("/products/oak-reading-lamp")).get("featured").asBoolean()).isTrue();

		JsonNode retired = ok(this.http.post("/admin/products/" + id + "/retire", TestTokens.admin(), null));
		assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
		assertThat(this.http.get("/products/oak-reading-lamp").status()).isEqualTo(404);
		assertThat(this.http.get("/products/by-id/" + id).status()).isEqualTo(404);
		assertThat(ok(this.http.get("/admin/products/" + id, TestTokens.admin())).get("status").asString())
			.isEqualTo("RETIRED");
		assertThat(names(ok(this.http.get("/admin/products?status=RETIRED&q=oak%20reading", TestTokens.admin()))
			.get("items"))).containsExactly("Oak Reading Lamp");

		JsonNode restored = ok(this.http.post("/admin/products/" + id + "/restore", TestTokens.admin(), null));
		assertThat(restored.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(this.http.get("/products/oak-reading-lamp").status()).isEqualTo(200);

		for (String type : List.of("PRODUCT_CREATED", "PRODUCT_RETIRED", "PRODUCT_RESTORED")) {
			awaitEvent((record) -> record.key().equals(id) && type(record).equals(type));
		}
	}

	@Test
	void refusesInvalidProductsNamingEachField() {
		Reply invalid = this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("", "d".repeat(4001), "lighting", "0", false, null)));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(fields(invalid.json())).containsExactlyInAnyOrder("name", "description", "price.amount");

		Map<String, Object> wrongMoney = form("Lamp", "", "lighting", "19.999", false, null);
		wrongMoney.put("price", Map.of("amount", new BigDecimal("19.999"), "currency", "USD"));
		assertThat(fields(this.http.post("/admin/products", TestTokens.admin(), TestHttp.json(wrongMoney)).json()))
			.containsExactlyInAnyOrder("price.amount", "price.currency");
		assertThat(fields(this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("Lamp", "", "lighting", "100000.01", false, null))).json()))
			.containsExactly("price.amount");
		assertThat(fields(this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("Lamp", "", "no-such-category", "10", false, null))).json()))
			.containsExactly("categorySlug");
		assertThat(fields(this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("Lamp\u0000", "Two\nlines are fine", "lighting", "10", false, null))).json()))
			.containsExactly("name");
		String id = ok(this.http.get("/categories/decor/products?size=1")).get("items").get(0).get("id").asString();
		assertThat(fields(this.http.put("/admin/products/" + id, TestTokens.admin(),
				TestHttp.json(form("Lamp", "", "decor", "10", false, null))).json()))
			.containsExactly("version");
		assertThat(this.http.put("/admin/products/" + UUID.randomUUID(), TestTokens.admin(),
				TestHttp.json(form("Lamp", "", "decor", "10", false, 0L))).status()).isEqualTo(404);
	}

	@Test
	void searchRanksANameMatchAboveADescriptionOnlyMatch() {
		String descriptionOnly = created(this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("Plain Ceramic Vase", "Glazed in the quokkaform style of the north coast.", "decor",
						"30.00", false, null))))
			.get("id")
			.asString();
		String inName = created(this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("Quokkaform Vase", "A tall vase.", "decor", "30.00", false, null))))
			.get("id")
			.asString();
		JsonNode result = ok(this.http.get("/search?q=quokkaform"));
		List<String> ids = new ArrayList<>();
		result.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		assertThat(ids).containsExactly(inName, descriptionOnly);
	}

	@Test
	void acceptsImagesByTheirBytesNotTheirNames() throws IOException {
		String id = ok(this.http.get("/categories/rugs/products?size=1")).get("items").get(0).get("id").asString();
		int imagesBefore = ok(this.http.get("/admin/products/" + id, TestTokens.admin())).get("images").size();

		Reply text = this.http.upload("/admin/products/" + id + "/images", TestTokens.admin(), "x.png",
				MediaType.IMAGE_PNG, "this is not a picture".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(400);
		assertThat(fields(text.json())).containsExactly("file");

		byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
		System.arraycopy(png(), 0, tooLarge, 0, 8);
		Reply large = this.http.upload("/admin/products/" + id + "/images", TestTokens.admin(), "big.png",
				MediaType.IMAGE_PNG, tooLarge);
		assertThat(large.status()).isEqualTo(413);
		assertThat(fields(large.json())).containsExactly("file");

		byte[] png = png();
		Reply uploaded = this.http.upload("/admin/products/" + id + "/images", TestTokens.admin(), "photo.jpeg",
				MediaType.IMAGE_JPEG, png);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		String url = uploaded.json().get("url").asString();
		assertThat(url).matches("/images/[0-9a-f-]{36}-[0-9a-f]{16}\\.png");
		Reply served = this.http.get(url);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.headers().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(served.bytes()).isEqualTo(png);
		assertThat(served.headers().getFirst("Content-Security-Policy")).isNull();
		JsonNode product = ok(this.http.get("/admin/products/" + id, TestTokens.admin()));
		assertThat(product.get("images").size()).isEqualTo(imagesBefore + 1);
		assertThat(product.get("images").get(imagesBefore).get("url").asString()).isEqualTo(url);
		assertThat(this.http.upload("/admin/products/" + id + "/images", TestTokens.customer(), "photo.png",
				MediaType.IMAGE_PNG, png).status()).isEqualTo(403);
	}

	@Test
	void managesCategoriesAndKeepsTheTreeConsistent() {
		Reply created = this.http.post("/admin/categories", TestTokens.admin(),
				TestHttp.json(Map.of("name", "Garden Tools", "parentSlug", "home", "description", "Spades and shears.")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode category = created.json();
		assertThat(category.get("slug").asString()).isEqualTo("garden-tools");
		assertThat(category.get("depth").asInt()).isEqualTo(1);
		awaitEvent((record) -> record.key().equals(category.get("id").asString())
				&& type(record).equals("CATEGORY_CREATED"));

		JsonNode renamed = ok(this.http.put("/admin/categories/garden-tools", TestTokens.admin(),
				TestHttp.json(Map.of("name", "Garden Hand Tools", "parentSlug", "home"))));
		assertThat(renamed.get("name").asString()).isEqualTo("Garden Hand Tools");
		assertThat(renamed.get("slug").asString()).isEqualTo("garden-tools");
		assertThat(fields(this.http.put("/admin/categories/home", TestTokens.admin(),
				TestHttp.json(Map.of("name", "Home", "parentSlug", "garden-tools"))).json()))
			.containsExactly("parentSlug");
		assertThat(fields(this.http.post("/admin/categories", TestTokens.admin(),
				TestHttp.json(Map.of("name", "Orphans", "parentSlug", "no-such-parent"))).json()))
			.containsExactly("parentSlug");

		String product = created(this.http.post("/admin/products", TestTokens.admin(),
				TestHttp.json(form("Forged Hand Trowel", "", "garden-tools", "24.00", false, null))))
			.get("id")
			.asString();
		Reply refused = this.http.post("/admin/categories/garden-tools/retire", TestTokens.admin(), null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(this.http.post("/admin/categories/audio/retire", TestTokens.admin(), null).status()).isEqualTo(409);

		ok(this.http.post("/admin/products/" + product + "/retire", TestTokens.admin(), null));
		JsonNode retired = ok(this.http.post("/admin/categories/garden-tools/retire", TestTokens.admin(), null));
		assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
		assertThat(this.http.get("/categories/garden-tools").status()).isEqualTo(404);
		assertThat(TestHttp.slugs(ok(this.http.get("/categories")))).doesNotContain("garden-tools");
		assertThat(this.http.post("/admin/products/" + product + "/restore", TestTokens.admin(), null).status())
			.isEqualTo(409);
	}

	@Test
	void anEditBetweenPagesNeitherRepeatsNorSkipsAProduct() {
		String first = "/categories/kitchen/products?sort=newest&size=24&page=";
		JsonNode page1 = ok(this.http.get(first + 1));
		long total = page1.get("totalItems").asLong();
		int pages = page1.get("totalPages").asInt();
		List<String> ids = new ArrayList<>();
		page1.get("items").forEach((item) -> ids.add(item.get("id").asString()));

		String edited = ok(this.http.get(first + 2)).get("items").get(3).get("id").asString();
		JsonNode product = ok(this.http.get("/admin/products/" + edited, TestTokens.admin()));
		Map<String, Object> change = form("A Renamed Kitchen Thing", "New words.", product.get("category").get("slug")
			.asString(), "1.49", false, product.get("version").asLong());
		ok(this.http.put("/admin/products/" + edited, TestTokens.admin(), TestHttp.json(change)));

		for (int n = 2; n <= pages; n++) {
			ok(this.http.get(first + n)).get("items").forEach((item) -> ids.add(item.get("id").asString()));
		}
		assertThat(ids).hasSize((int) total).contains(edited);
		assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
	}

	private ConsumerRecord<String, String> awaitEvent(Predicate<ConsumerRecord<String, String>> wanted) {
		long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
		synchronized (received) {
			while (true) {
				for (ConsumerRecord<String, String> record : received) {
					if (wanted.test(record)) {
						return record;
					}
				}
				assertThat(System.nanoTime()).as("the event arrived within %s; received %s", EVENT_WAIT,
						received.stream().map(ConsumerRecord::value).toList()).isLessThan(deadline);
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			}
		}
	}

	private static JsonNode created(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	private static String type(ConsumerRecord<String, String> record) {
		return json(record).get("type").asString();
	}

	private static JsonNode json(ConsumerRecord<String, String> record) {
		return JSON.readTree(record.value());
	}

	private static String edit(JsonNode product, String amount, long version) {
		return TestHttp.json(form(product.get("name").asString(), product.get("description").asString(),
				product.get("category").get("slug").asString(), amount, product.get("featured").asBoolean(), version));
	}

	private static Map<String, Object> form(String name, String description, String categorySlug, String amount,
			boolean featured, Long version) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("description", description);
		form.put("categorySlug", categorySlug);
		form.put("price", new HashMap<>(Map.of("amount", new BigDecimal(amount), "currency", "EUR")));
		form.put("featured", featured);
		if (version != null) {
			form.put("version", version);
		}
		return form;
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0x336699);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
