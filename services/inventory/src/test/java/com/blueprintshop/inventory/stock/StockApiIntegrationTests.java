package com.blueprintshop.inventory.stock;

import static com.blueprintshop.defaults.TestHttp.fields;
import static com.blueprintshop.defaults.TestHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.inventory.TestStock;
import com.blueprintshop.inventory.reservation.Line;
import com.blueprintshop.inventory.reservation.Reservations;

/**
 * The HTTP API against the machine's PostgreSQL (a throw-away database), with no broker to reach
 * (events wait in the outbox, where the tests read them) and no catalog to learn SKUs from (the
 * seeder keeps trying in the background; the service is ready meanwhile).
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"shop.inventory.catalog-url=http://127.0.0.1:9", "shop.inventory.seed.initial-backoff=50ms",
				"shop.inventory.seed.max-backoff=200ms", "shop.inventory.upload-batch-size=1000" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
class StockApiIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_inventory_api_test");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reservations reservations;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	private static String warehouseStaff() {
		return TestTokens.valid(List.of("WAREHOUSE"));
	}

	@Test
	void isReadyWhileCatalogCannotBeReachedToLearnSkusFrom() {
		assertThat(ok(this.http.get("/actuator/health/readiness")).get("status").asString()).isEqualTo("UP");
		assertThat(this.jdbc.sql("select count(*) from sku_seed").query(Long.class).single()).isZero();
	}

	@Test
	void availabilityAnswersEverySkuInTheOrderAskedWithZeroForUnknownAndRetiredOnes() {
		TestStock.sku(this.jdbc, "AVAIL-ONE", 7, 5);
		TestStock.sku(this.jdbc, "AVAIL-TWO", 2, null);
		TestStock.sku(this.jdbc, "AVAIL-RETIRED", 9, 9);
		this.jdbc.sql("update sku set active = false where sku = 'AVAIL-RETIRED'").update();
		this.reservations.reserve(UUID.randomUUID(), List.of(new Line("AVAIL-ONE", 3)));

		JsonNode answer = ok(this.http.get("/availability?sku=AVAIL-TWO&sku=AVAIL-UNKNOWN&sku=AVAIL-ONE&sku=AVAIL-RETIRED"));
		List<String> pairs = new ArrayList<>();
		answer.forEach((entry) -> pairs.add(entry.get("sku").asString() + "=" + entry.get("available").asInt()));
		assertThat(pairs).containsExactly("AVAIL-TWO=2", "AVAIL-UNKNOWN=0", "AVAIL-ONE=9", "AVAIL-RETIRED=0");
	}

	@Test
	void availabilityIsKeptBrieflyAndAReservationHereShowsAtOnce() {
		TestStock.sku(this.jdbc, "AVAIL-KEPT", 10, null);
		ok(this.http.get("/availability?sku=AVAIL-KEPT"));
		double hits = cacheGets("hit");
		for (int i = 0; i < 5; i++) {
			assertThat(ok(this.http.get("/availability?sku=AVAIL-KEPT")).get(0).get("available").asInt()).isEqualTo(10);
		}
		assertThat(cacheGets("hit") - hits).as("answered from the near cache").isEqualTo(5);

		// a change this instance commits evicts the SKU: no waiting for the TTL
		this.reservations.reserve(UUID.randomUUID(), List.of(new Line("AVAIL-KEPT", 4)));
		assertThat(ok(this.http.get("/availability?sku=AVAIL-KEPT")).get(0).get("available").asInt()).isEqualTo(6);
	}

	private double cacheGets(String result) {
		String metrics = this.http.get("/actuator/prometheus").body();
		java.util.regex.Matcher line = java.util.regex.Pattern
			.compile("cache_gets_total\\{[^}]*cache=\"inventory.near.availability\"[^}]*result=\"" + result
					+ "\"[^}]*} ([0-9.eE+]+)")
			.matcher(metrics);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

	@Test
	void availabilityRefusesTooManyMalformedOrNoSkusNamingTheParameter() {
		String hundredOne = IntStream.rangeClosed(1, 101)
			.mapToObj((i) -> "sku=SKU-" + i)
			.collect(Collectors.joining("&"));
		Reply tooMany = this.http.get("/availability?" + hundredOne);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(fields(tooMany.json())).containsExactly("sku");
		String hundred = IntStream.rangeClosed(1, 100).mapToObj((i) -> "sku=SKU-" + i).collect(Collectors.joining("&"));
		assertThat(ok(this.http.get("/availability?" + hundred)).size()).isEqualTo(100);

		Reply malformed = this.http.get("/availability?sku=AVAIL-ONE&sku=lower-case");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(fields(malformed.json())).containsExactly("sku");
		assertThat(fields(this.http.get("/availability?sku=%00%01").json())).containsExactly("sku");
		assertThat(fields(this.http.get("/availability").json())).containsExactly("sku");
		assertThat(this.http.get("/availability?sku=").status()).isEqualTo(400);
	}

	@Test
	void listsTheWarehouses() {
		JsonNode warehouses = ok(this.http.get("/warehouses"));
		assertThat(warehouses.toString()).isEqualTo("[{\"code\":\"DUB\",\"name\":\"Dublin\"},{\"code\":\"RTM\",\"name\":\"Rotterdam\"}]");
	}

	@Test
	void publishesItsOpenApiDocument() {
		JsonNode paths = ok(this.http.get("/v3/api-docs")).get("paths");
		assertThat(paths.has("/availability")).isTrue();
		assertThat(paths.has("/admin/stock/uploads")).isTrue();
	}

	@Test
	void warehouseStaffAndAdminsSeeStockPerWarehouseAndShoppersDoNot() {
		TestStock.sku(this.jdbc, "ADMIN-VIEW", 10, null);
		this.reservations.reserve(UUID.randomUUID(), List.of(new Line("ADMIN-VIEW", 4)));

		JsonNode stock = ok(this.http.get("/admin/stock?sku=ADMIN-VIEW", warehouseStaff()));
		assertThat(stock.get("sku").asString()).isEqualTo("ADMIN-VIEW");
		assertThat(stock.get("warehouses").toString()).isEqualTo(
				"[{\"code\":\"DUB\",\"name\":\"Dublin\",\"onHand\":10,\"reserved\":4,\"available\":6},"
						+ "{\"code\":\"RTM\",\"name\":\"Rotterdam\",\"onHand\":0,\"reserved\":0,\"available\":0}]");
		assertThat(this.http.get("/admin/stock?sku=ADMIN-VIEW", TestTokens.valid(List.of("ADMIN"))).status()).isEqualTo(200);
		assertThat(this.http.get("/admin/stock?sku=ADMIN-VIEW", TestTokens.valid(List.of("CUSTOMER"))).status())
			.isEqualTo(403);
		assertThat(this.http.get("/admin/stock?sku=ADMIN-VIEW").status()).isEqualTo(401);
		assertThat(this.http.get("/admin/stock?sku=ADMIN-VIEW", TestTokens.expired(List.of("WAREHOUSE"))).status())
			.isEqualTo(401);

		Reply unknown = this.http.get("/admin/stock?sku=NO-SUCH-SKU", warehouseStaff());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(fields(this.http.get("/admin/stock?sku=bad%20sku", warehouseStaff()).json())).containsExactly("sku");
	}

	@Test
	void aValidUploadSetsTheCountedUnitsAndPublishesTheChangedSkus() {
		TestStock.sku(this.jdbc, "UPLOAD-OK-1", 5, 5);
		TestStock.sku(this.jdbc, "UPLOAD-OK-2", null, null);
		String file = """
				sku,warehouse,on_hand
				UPLOAD-OK-1,DUB,12
				UPLOAD-OK-1,RTM,5
				UPLOAD-OK-2,RTM,30
				""";
		JsonNode result = ok(upload(warehouseStaff(), file));
		assertThat(result.toString()).isEqualTo("{\"rows\":3,\"applied\":2,\"unchanged\":1,\"rejected\":[],\"batches\":1}");
		assertThat(TestStock.onHand(this.jdbc, "UPLOAD-OK-1", "DUB")).isEqualTo(12);
		assertThat(TestStock.onHand(this.jdbc, "UPLOAD-OK-2", "RTM")).isEqualTo(30);
		assertThat(stockChanged("UPLOAD-OK-1")).containsExactly("{\"onHand\":17,\"reserved\":0,\"available\":17}");
		assertThat(stockChanged("UPLOAD-OK-2")).containsExactly("{\"onHand\":30,\"reserved\":0,\"available\":30}");
	}

	@Test
	void rowsThatCannotBeAppliedAreReportedByLineWhileTheValidRowsAreApplied() {
		TestStock.sku(this.jdbc, "UPLOAD-MIX-1", 5, 5);
		TestStock.sku(this.jdbc, "UPLOAD-MIX-2", 10, 0);
		this.reservations.reserve(UUID.randomUUID(), List.of(new Line("UPLOAD-MIX-2", 8)));
		String file = """
				sku,warehouse,on_hand
				UPLOAD-MIX-1,DUB,6
				UPLOAD-UNKNOWN,DUB,1
				UPLOAD-MIX-1,LON,1
				UPLOAD-MIX-1,RTM,-1
				UPLOAD-MIX-2,DUB,7
				UPLOAD-MIX-2,RTM,2.5
				UPLOAD-MIX-2,RTM,3
				UPLOAD-MIX-2,RTM,4
				bad sku,DUB,1
				UPLOAD-MIX-1,RTM,1000001
				""";
		JsonNode result = ok(upload(TestTokens.valid(List.of("ADMIN")), file));
		assertThat(result.get("rows").asInt()).isEqualTo(10);
		assertThat(result.get("applied").asInt()).isEqualTo(1);
		assertThat(result.get("batches").asInt()).isEqualTo(1);
		List<String> rejected = new ArrayList<>();
		result.get("rejected").forEach((row) -> rejected.add(row.get("line").asInt() + " " + row.get("sku").asString()
				+ ": " + row.get("reason").asString()));
		assertThat(rejected).containsExactly("3 UPLOAD-UNKNOWN: unknown SKU", "4 UPLOAD-MIX-1: unknown warehouse 'LON'",
				"5 UPLOAD-MIX-1: on_hand must be a whole number from 0 to 1000000",
				"6 UPLOAD-MIX-2: on_hand 7 is below the 8 units reserved for orders",
				"7 UPLOAD-MIX-2: on_hand must be a whole number from 0 to 1000000",
				"8 UPLOAD-MIX-2: the same sku and warehouse are on lines 7, 8, 9; count each once",
				"9 UPLOAD-MIX-2: the same sku and warehouse are on lines 7, 8, 9; count each once",
				"10 bad sku: sku must be a SKU code: 3 to 40 capital letters, digits and hyphens",
				"11 UPLOAD-MIX-1: on_hand must be a whole number from 0 to 1000000");
		assertThat(TestStock.onHand(this.jdbc, "UPLOAD-MIX-1", "DUB")).isEqualTo(6);
		assertThat(TestStock.onHand(this.jdbc, "UPLOAD-MIX-2", "DUB")).isEqualTo(10);
		assertThat(TestStock.onHand(this.jdbc, "UPLOAD-MIX-2", "RTM")).isZero();
	}

	@Test
	void aMalformedFileChangesNothingAndNamesTheFirstBadLine() {
		TestStock.sku(this.jdbc, "UPLOAD-BAD", 5, 5);
		String before = snapshot();
		long outboxBefore = outboxRows();

		Reply columns = upload(warehouseStaff(), "sku,warehouse,on_hand\nUPLOAD-BAD,DUB,1\nUPLOAD-BAD,RTM\n");
		assertThat(columns.status()).isEqualTo(400);
		assertThat(fields(columns.json())).containsExactly("file");
		assertThat(columns.json().get("line").asInt()).isEqualTo(3);

		Reply header = upload(warehouseStaff(), "code,where,count\nUPLOAD-BAD,DUB,1\n");
		assertThat(header.status()).isEqualTo(422);
		assertThat(header.json().get("line").asInt()).isEqualTo(1);
		assertThat(fields(header.json())).containsExactly("file");

		Reply quoting = upload(warehouseStaff(), "sku,warehouse,on_hand\nUPLOAD-BAD,DUB,1\n\"UPLOAD-BAD,RTM,2\n");
		assertThat(quoting.status()).isEqualTo(400);
		assertThat(quoting.json().get("line").asInt()).isEqualTo(3);

		byte[] binary = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
		Reply png = this.http.upload("/admin/stock/uploads", warehouseStaff(), "stock.csv", CSV, binary);
		assertThat(png.status()).isEqualTo(400);
		assertThat(fields(png.json())).containsExactly("file");

		Reply empty = this.http.upload("/admin/stock/uploads", warehouseStaff(), "stock.csv", CSV, new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(fields(empty.json())).containsExactly("file");

		byte[] large = new byte[5 * 1024 * 1024 + 10];
		java.util.Arrays.fill(large, (byte) 'A');
		Reply tooLarge = this.http.upload("/admin/stock/uploads", warehouseStaff(), "stock.csv", CSV, large);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(fields(tooLarge.json())).containsExactly("file");

		Reply noFile = this.http.post("/admin/stock/uploads", warehouseStaff(), "{}");
		assertThat(noFile.status()).isEqualTo(400);
		assertThat(fields(noFile.json())).containsExactly("file");

		assertThat(snapshot()).isEqualTo(before);
		assertThat(outboxRows()).isEqualTo(outboxBefore);
	}

	@Test
	void aFileOfThousandsOfRowsIsAppliedInSeveralBatches() {
		this.jdbc.sql("""
				insert into sku (sku, product_id, product_name, active)
				select 'BULK-' || lpad(n::text, 5, '0'), gen_random_uuid(), 'Bulk', true from generate_series(1, 1750) n
				""").update();
		StringBuilder file = new StringBuilder("sku,warehouse,on_hand\n");
		for (int n = 1; n <= 1750; n++) {
			String sku = String.format(Locale.ROOT, "BULK-%05d", n);
			file.append(sku).append(",DUB,").append(n % 50).append('\n');
			file.append(sku).append(",RTM,").append(n % 7 + 1).append('\n');
		}
		JsonNode result = ok(upload(warehouseStaff(), file.toString()));
		assertThat(result.get("rows").asInt()).isEqualTo(3500);
		assertThat(result.get("batches").asInt()).isEqualTo(4);
		assertThat(result.get("rejected").size()).isZero();
		// a missing row counted as 0 changes nothing
		assertThat(result.get("applied").asInt() + result.get("unchanged").asInt()).isEqualTo(3500);
		assertThat(result.get("unchanged").asInt()).isEqualTo(35);
		assertThat(this.jdbc.sql("select sum(on_hand) from stock where sku like 'BULK-%'").query(Long.class).single())
			.isEqualTo(IntStream.rangeClosed(1, 1750).mapToLong((n) -> n % 50 + n % 7 + 1).sum());
		assertThat(this.jdbc.sql("select count(distinct message_key) from outbox where event_type = 'StockChanged' and message_key like 'BULK-%'")
			.query(Long.class)
			.single()).isEqualTo(1750);
	}

	@Test
	void onlyWarehouseStaffAndAdminsMayUpload() {
		TestStock.sku(this.jdbc, "UPLOAD-AUTH", 5, 5);
		String file = "sku,warehouse,on_hand\nUPLOAD-AUTH,DUB,9\n";
		Reply customer = upload(TestTokens.valid(List.of("CUSTOMER")), file);
		assertThat(customer.status()).isEqualTo(403);
		assertThat(customer.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(upload(null, file).status()).isEqualTo(401);
		assertThat(upload(TestTokens.signedByAnotherKey(List.of("WAREHOUSE")), file).status()).isEqualTo(401);
		assertThat(TestStock.onHand(this.jdbc, "UPLOAD-AUTH", "DUB")).isEqualTo(5);
	}

	private Reply upload(String token, String csv) {
		return this.http.upload("/admin/stock/uploads", token, "stock.csv", CSV, csv.getBytes(StandardCharsets.UTF_8));
	}

	/** The totals of the last StockChanged events for a SKU, oldest first. */
	private List<String> stockChanged(String sku) {
		return this.jdbc.sql("""
				select json_build_object('onHand', payload->'onHand', 'reserved', payload->'reserved',
				                         'available', payload->'available')::text
				from outbox where event_type = 'StockChanged' and message_key = :sku order by id
				""").param("sku", sku).query(String.class).list().stream().map((s) -> s.replace(" ", "")).toList();
	}

	private String snapshot() {
		return this.jdbc.sql("select coalesce(string_agg(sku || warehouse_id || ':' || on_hand || '/' || reserved || '/' || version, ',' order by sku, warehouse_id), '') from stock")
			.query(String.class)
			.single();
	}

	private long outboxRows() {
		return this.jdbc.sql("select count(*) from outbox").query(Long.class).single();
	}

}
