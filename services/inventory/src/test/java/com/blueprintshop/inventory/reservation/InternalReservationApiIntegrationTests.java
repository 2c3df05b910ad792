package com.blueprintshop.inventory.reservation;

import static com.blueprintshop.defaults.TestHttp.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.inventory.MutableClock;
import com.blueprintshop.inventory.TestStock;

/**
 * The saga's inventory commands over REST, as the synchronous checkout calls them: the same cases
 * as {@link InventoryMessagingIntegrationTests}, against the machine's PostgreSQL (a throw-away
 * database), with no token and no broker. The answer comes back in the body and never goes to
 * {@code inventory.replies}; the stock events still wait in the outbox.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"shop.inventory.seed.enabled=false" })
@Import({ TestTokens.Decoder.class, InternalReservationApiIntegrationTests.Clocks.class })
@DirtiesContext
class InternalReservationApiIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_inventory_internal_test");

	private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

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
	MutableClock clock;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void reservesWithoutATokenAndAnswersStockReservedInTheBodyInsteadOfOnTheRepliesTopic() {
		TestStock.sku(this.jdbc, "REST-RESERVE", 10, 4);
		UUID order = UUID.randomUUID();

		Reply reply = reserve(order, Map.of("REST-RESERVE", 3));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode body = reply.json();
		assertThat(body.get("type").asString()).isEqualTo("StockReserved");
		assertThat(body.get("orderId").asString()).isEqualTo(order.toString());
		assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(START);
		assertThat(body.get("reservations").toString())
			.isEqualTo("[{\"sku\":\"REST-RESERVE\",\"warehouse\":\"DUB\",\"quantity\":3}]");
		assertThat(TestStock.reserved(this.jdbc, "REST-RESERVE", "DUB")).isEqualTo(3);

		assertThat(outbox("inventory.replies", order.toString())).as("the answer is the response").isZero();
		assertThat(stockChanged("REST-RESERVE")).containsExactly("{\"onHand\":14,\"reserved\":3,\"available\":11}");
	}

	@Test
	void aShortageIsAnsweredWithStockUnavailableAndReservesNothing() {
		TestStock.sku(this.jdbc, "REST-SHORT-A", 5, null);
		TestStock.sku(this.jdbc, "REST-SHORT-B", 1, 0);
		UUID order = UUID.randomUUID();

		Reply reply = reserve(order, Map.of("REST-SHORT-A", 2, "REST-SHORT-B", 3, "REST-NEVER-HEARD-OF", 1));
		assertThat(reply.status()).as("a shortage is an answer, not an error").isEqualTo(200);
		assertThat(reply.json().get("type").asString()).isEqualTo("StockUnavailable");
		assertThat(reply.json().get("shortages").toString())
			.isEqualTo("[{\"sku\":\"REST-NEVER-HEARD-OF\",\"requested\":1,\"available\":0},"
					+ "{\"sku\":\"REST-SHORT-B\",\"requested\":3,\"available\":1}]");
		assertThat(TestStock.reserved(this.jdbc, "REST-SHORT-A", "DUB")).isZero();
		assertThat(reservationRows(order)).isZero();
		assertThat(stockChanged("REST-SHORT-A")).isEmpty();
	}

	@Test
	void aLineWithoutAPositiveQuantityIsAShortageNotARefusal() {
		TestStock.sku(this.jdbc, "REST-ZERO", 5, null);
		Reply reply = reserve(UUID.randomUUID(), Map.of("REST-ZERO", 0));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("shortages").toString())
			.isEqualTo("[{\"sku\":\"REST-ZERO\",\"requested\":0,\"available\":0}]");
	}

	@Test
	void aRepeatedReservationForTheSameOrderGetsTheSameAnswerWithoutReservingAgain() {
		TestStock.sku(this.jdbc, "REST-AGAIN", 3, 3);
		UUID order = UUID.randomUUID();
		JsonNode first = reserve(order, Map.of("REST-AGAIN", 4)).json();
		JsonNode second = reserve(order, Map.of("REST-AGAIN", 4)).json();

		assertThat(second.get("type").asString()).isEqualTo("StockReserved");
		assertThat(second.get("reservations")).isEqualTo(first.get("reservations"));
		assertThat(first.get("reservations").toString())
			.isEqualTo("[{\"sku\":\"REST-AGAIN\",\"warehouse\":\"DUB\",\"quantity\":3},"
					+ "{\"sku\":\"REST-AGAIN\",\"warehouse\":\"RTM\",\"quantity\":1}]");
		assertThat(reservationRows(order)).isEqualTo(2);
		assertThat(TestStock.reserved(this.jdbc, "REST-AGAIN", "DUB") + TestStock.reserved(this.jdbc, "REST-AGAIN", "RTM"))
			.isEqualTo(4);
		assertThat(stockChanged("REST-AGAIN")).as("one change, not two").hasSize(1);
	}

	@Test
	void commitTurnsTheReservationIntoASaleOnce() {
		TestStock.sku(this.jdbc, "REST-COMMIT", 10, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("REST-COMMIT", 2));

		Reply committed = this.http.post("/internal/reservations/" + order + "/commit", null);
		assertThat(committed.status()).isEqualTo(200);
		assertThat(committed.json().get("type").asString()).isEqualTo("StockCommitted");
		assertThat(committed.json().get("orderId").asString()).isEqualTo(order.toString());
		Reply again = this.http.post("/internal/reservations/" + order + "/commit", null);
		assertThat(again.json().get("type").asString()).isEqualTo("StockCommitted");

		assertThat(TestStock.onHand(this.jdbc, "REST-COMMIT", "DUB")).isEqualTo(8);
		assertThat(TestStock.reserved(this.jdbc, "REST-COMMIT", "DUB")).isZero();
		assertThat(statuses(order)).containsExactly("COMMITTED");
		assertThat(stockChanged("REST-COMMIT")).containsExactly("{\"onHand\":10,\"reserved\":2,\"available\":8}",
				"{\"onHand\":8,\"reserved\":0,\"available\":8}");
	}

	@Test
	void releaseGivesBackReservedUnits() {
		TestStock.sku(this.jdbc, "REST-RELEASE", 6, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("REST-RELEASE", 4));

		Reply released = this.http.post("/internal/reservations/" + order + "/release", null);
		assertThat(released.status()).isEqualTo(200);
		assertThat(released.json().get("type").asString()).isEqualTo("StockReleased");
		assertThat(TestStock.reserved(this.jdbc, "REST-RELEASE", "DUB")).isZero();
		assertThat(TestStock.onHand(this.jdbc, "REST-RELEASE", "DUB")).isEqualTo(6);
		assertThat(statuses(order)).containsExactly("RELEASED");
		assertThat(outbox("inventory.replies", order.toString())).isZero();
	}

	@Test
	void releasingACommittedOrderPutsTheUnitsBackOnHand() {
		TestStock.sku(this.jdbc, "REST-RESTOCK", 10, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("REST-RESTOCK", 3));
		this.http.post("/internal/reservations/" + order + "/commit", null);

		assertThat(this.http.post("/internal/reservations/" + order + "/release", null).json().get("type").asString())
			.isEqualTo("StockReleased");
		assertThat(TestStock.onHand(this.jdbc, "REST-RESTOCK", "DUB")).isEqualTo(10);
		assertThat(TestStock.reserved(this.jdbc, "REST-RESTOCK", "DUB")).isZero();
	}

	@Test
	void anOrderReleasedBeforeItReservedGetsNothingReservedLater() {
		TestStock.sku(this.jdbc, "REST-LATE", 10, null);
		UUID order = UUID.randomUUID();
		assertThat(this.http.post("/internal/reservations/" + order + "/release", null).json().get("type").asString())
			.isEqualTo("StockReleased");

		JsonNode late = reserve(order, Map.of("REST-LATE", 1)).json();
		assertThat(late.get("type").asString()).isEqualTo("StockUnavailable");
		assertThat(late.get("shortages").toString()).isEqualTo("[{\"sku\":\"REST-LATE\",\"requested\":1,\"available\":0}]");
		assertThat(TestStock.reserved(this.jdbc, "REST-LATE", "DUB")).isZero();
	}

	@Test
	void refusesWhatTheCommandWouldParkNamingTheField() {
		UUID order = UUID.randomUUID();
		Reply none = this.http.post("/internal/reservations/" + order, null, "{\"lines\":[]}");
		assertThat(none.status()).isEqualTo(400);
		assertThat(fields(none.json())).containsExactly("lines");

		Reply missing = this.http.post("/internal/reservations/" + order, null, "{}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fields(missing.json())).containsExactly("lines");

		StringBuilder many = new StringBuilder("{\"lines\":[");
		for (int i = 0; i <= Reservations.MAX_LINES; i++) {
			many.append((i > 0) ? "," : "").append("{\"sku\":\"REST-MANY-").append(i).append("\",\"quantity\":1}");
		}
		Reply tooMany = this.http.post("/internal/reservations/" + order, null, many.append("]}").toString());
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(fields(tooMany.json())).containsExactly("lines");

		Reply skuless = this.http.post("/internal/reservations/" + order, null,
				"{\"lines\":[{\"sku\":\"REST-OK\",\"quantity\":1},{\"quantity\":2}]}");
		assertThat(skuless.status()).isEqualTo(400);
		assertThat(fields(skuless.json())).containsExactly("lines[1].sku");

		Reply notAnOrder = this.http.post("/internal/reservations/order-1/release", null);
		assertThat(notAnOrder.status()).isEqualTo(400);
		assertThat(fields(notAnOrder.json())).containsExactly("orderId");

		assertThat(this.jdbc.sql("select count(*) from order_stock where order_id = :order")
			.param("order", order)
			.query(Long.class)
			.single()).as("nothing recorded for the refused requests").isZero();
	}

	private Reply reserve(UUID order, Map<String, Integer> lines) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("lines", new java.util.TreeMap<>(lines).entrySet()
			.stream()
			.map((line) -> Map.of("sku", line.getKey(), "quantity", line.getValue()))
			.toList());
		return this.http.post("/internal/reservations/" + order, null, TestHttp.json(body));
	}

	private long reservationRows(UUID order) {
		return this.jdbc.sql("select count(*) from reservation where order_id = :order")
			.param("order", order)
			.query(Long.class)
			.single();
	}

	private List<String> statuses(UUID order) {
		return this.jdbc.sql("select distinct status from reservation where order_id = :order")
			.param("order", order)
			.query(String.class)
			.list();
	}

	private long outbox(String topic, String key) {
		return this.jdbc.sql("select count(*) from outbox where topic = :topic and message_key = :key")
			.param("topic", topic)
			.param("key", key)
			.query(Long.class)
			.single();
	}

	/** The totals of the StockChanged events for a SKU, oldest first. */
	private List<String> stockChanged(String sku) {
		return this.jdbc.sql("""
				select json_build_object('onHand', payload->'onHand', 'reserved', payload->'reserved',
				                         'available', payload->'available')::text
				from outbox where event_type = 'StockChanged' and message_key = :sku order by id
				""").param("sku", sku).query(String.class).list().stream().map((s) -> s.replace(" ", "")).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

	}

}
