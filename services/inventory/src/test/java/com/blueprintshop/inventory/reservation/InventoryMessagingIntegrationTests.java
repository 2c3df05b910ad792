package com.blueprintshop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.defaults.messaging.KafkaTopics;
import com.blueprintshop.inventory.MutableClock;
import com.blueprintshop.inventory.TestCatalog;
import com.blueprintshop.inventory.TestStock;
import com.blueprintshop.inventory.stock.Availability;

/**
 * The saga's side of inventory: commands sent to a real KRaft broker in the test JVM, replies and
 * stock events read back from it, PostgreSQL the machine's own (a throw-away database), and
 * catalog a small HTTP server of the test's own.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(properties = { "eureka.client.enabled=false", "shop.inventory.seed.enabled=false",
		"shop.messaging.consumer.max-retries=1", "shop.messaging.consumer.initial-backoff=50ms",
		"shop.messaging.consumer.max-backoff=100ms", "shop.messaging.topics.partitions=3" })
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import({ TestTokens.Decoder.class, InventoryMessagingIntegrationTests.Clocks.class })
@DirtiesContext
class InventoryMessagingIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_inventory_messaging_test");

	private static final TestCatalog CATALOG = new TestCatalog();

	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

	private static Consumer<String, String> consumer;

	private static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("shop.inventory.catalog-url", CATALOG::url);
	}

	@AfterAll
	static void close() {
		if (consumer != null) {
			consumer.close();
		}
		CATALOG.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaTopics topics;

	@Autowired
	MutableClock clock;

	@Autowired
	ReservationExpiry expiry;

	@Autowired
	Availability availability;

	@BeforeEach
	void setUp() {
		Awaitility.await().atMost(BOUND).until(this.topics::ready);
		if (consumer == null) {
			Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "inventory-tests", false);
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
			consumer.subscribe(List.of("inventory.replies", "inventory.stock-changed", "inventory.commands.dlt"));
		}
	}

	@Test
	void reserveStockIsAnsweredWithTheReservationsAndTheNewTotalsArePublished() {
		TestStock.sku(this.jdbc, "MSG-RESERVE", 10, 4);
		UUID order = UUID.randomUUID();
		UUID command = reserve(order, Map.of("MSG-RESERVE", 3));

		ConsumerRecord<String, String> record = awaitRecord("inventory.replies", order.toString(), "StockReserved");
		JsonNode reply = JSON.readTree(record.value());
		assertThat(reply.get("orderId").asString()).isEqualTo(order.toString());
		assertThat(UUID.fromString(reply.get("eventId").asString())).isNotEqualTo(command);
		assertThat(header(record, "event-id")).isEqualTo(reply.get("eventId").asString());
		assertThat(Instant.parse(reply.get("occurredAt").asString())).isEqualTo(this.clock.instant());
		assertThat(reply.get("reservations").toString()).isEqualTo("[{\"sku\":\"MSG-RESERVE\",\"warehouse\":\"DUB\",\"quantity\":3}]");

		JsonNode changed = JSON.readTree(awaitRecord("inventory.stock-changed", "MSG-RESERVE", "StockChanged").value());
		assertThat(changed.get("onHand").asInt()).isEqualTo(14);
		assertThat(changed.get("reserved").asInt()).isEqualTo(3);
		assertThat(changed.get("available").asInt()).isEqualTo(11);
		assertThat(changed.get("sku").asString()).isEqualTo("MSG-RESERVE");
		assertThat(changed.get("eventId").asString()).isNotBlank();
	}

	@Test
	void aShortageIsAnsweredWithStockUnavailableAndReservesNothing() {
		TestStock.sku(this.jdbc, "MSG-SHORT-A", 5, null);
		TestStock.sku(this.jdbc, "MSG-SHORT-B", 1, 0);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-SHORT-A", 2, "MSG-SHORT-B", 3, "MSG-NEVER-HEARD-OF", 1));

		JsonNode reply = JSON.readTree(awaitRecord("inventory.replies", order.toString(), "StockUnavailable").value());
		assertThat(reply.get("shortages").toString()).isEqualTo("[{\"sku\":\"MSG-NEVER-HEARD-OF\",\"requested\":1,\"available\":0},"
				+ "{\"sku\":\"MSG-SHORT-B\",\"requested\":3,\"available\":1}]");
		assertThat(TestStock.reserved(this.jdbc, "MSG-SHORT-A", "DUB")).isZero();
		assertThat(reservationRows(order)).isZero();
	}

	@Test
	void aLineWithoutAPositiveQuantityIsAShortageNotAPoisonMessage() {
		TestStock.sku(this.jdbc, "MSG-ZERO", 5, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-ZERO", 0));
		JsonNode reply = JSON.readTree(awaitRecord("inventory.replies", order.toString(), "StockUnavailable").value());
		assertThat(reply.get("shortages").toString()).isEqualTo("[{\"sku\":\"MSG-ZERO\",\"requested\":0,\"available\":0}]");
	}

	@Test
	void theSameCommandDeliveredTwiceReservesOnce() {
		TestStock.sku(this.jdbc, "MSG-TWICE", 10, null);
		UUID order = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		String value = command(eventId, "ReserveStock", order, Map.of("MSG-TWICE", 2));
		send(order, eventId, "ReserveStock", value);
		send(order, eventId, "ReserveStock", value);
		// same key, so same partition: the commit is handled after both deliveries
		commit(order);
		awaitRecord("inventory.replies", order.toString(), "StockCommitted");

		assertThat(records("inventory.replies", order.toString(), "StockReserved")).hasSize(1);
		assertThat(reservationRows(order)).isOne();
		assertThat(TestStock.onHand(this.jdbc, "MSG-TWICE", "DUB")).isEqualTo(8);
		assertThat(TestStock.reserved(this.jdbc, "MSG-TWICE", "DUB")).isZero();
	}

	@Test
	void aSecondReserveStockForTheSameOrderGetsTheSameReplyWithoutReservingAgain() {
		TestStock.sku(this.jdbc, "MSG-AGAIN", 3, 3);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-AGAIN", 4));
		reserve(order, Map.of("MSG-AGAIN", 4));

		List<ConsumerRecord<String, String>> replies = awaitRecords("inventory.replies", order.toString(), "StockReserved", 2);
		JsonNode first = JSON.readTree(replies.get(0).value());
		JsonNode second = JSON.readTree(replies.get(1).value());
		assertThat(second.get("reservations")).isEqualTo(first.get("reservations"));
		assertThat(second.get("eventId")).isNotEqualTo(first.get("eventId"));
		assertThat(first.get("reservations").toString()).isEqualTo("[{\"sku\":\"MSG-AGAIN\",\"warehouse\":\"DUB\",\"quantity\":3},"
				+ "{\"sku\":\"MSG-AGAIN\",\"warehouse\":\"RTM\",\"quantity\":1}]");
		assertThat(reservationRows(order)).isEqualTo(2);
		assertThat(TestStock.reserved(this.jdbc, "MSG-AGAIN", "DUB") + TestStock.reserved(this.jdbc, "MSG-AGAIN", "RTM"))
			.isEqualTo(4);
	}

	@Test
	void commitStockTurnsTheReservationIntoASaleOnce() {
		TestStock.sku(this.jdbc, "MSG-COMMIT", 10, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-COMMIT", 2));
		awaitRecord("inventory.replies", order.toString(), "StockReserved");
		commit(order);
		commit(order);

		awaitRecords("inventory.replies", order.toString(), "StockCommitted", 2);
		assertThat(TestStock.onHand(this.jdbc, "MSG-COMMIT", "DUB")).isEqualTo(8);
		assertThat(TestStock.reserved(this.jdbc, "MSG-COMMIT", "DUB")).isZero();
		assertThat(statuses(order)).containsExactly("COMMITTED");
		awaitStockChanged("MSG-COMMIT", 8, 0, 8);
	}

	@Test
	void releaseStockGivesBackReservedUnits() {
		TestStock.sku(this.jdbc, "MSG-RELEASE", 6, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-RELEASE", 4));
		release(order);

		awaitRecord("inventory.replies", order.toString(), "StockReleased");
		assertThat(TestStock.reserved(this.jdbc, "MSG-RELEASE", "DUB")).isZero();
		assertThat(TestStock.onHand(this.jdbc, "MSG-RELEASE", "DUB")).isEqualTo(6);
		assertThat(statuses(order)).containsExactly("RELEASED");
		awaitStockChanged("MSG-RELEASE", 6, 0, 6);
	}

	@Test
	void releaseStockOfACommittedOrderPutsTheUnitsBackOnHand() {
		TestStock.sku(this.jdbc, "MSG-RESTOCK", 10, null);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-RESTOCK", 3));
		commit(order);
		release(order);

		awaitRecord("inventory.replies", order.toString(), "StockReleased");
		assertThat(TestStock.onHand(this.jdbc, "MSG-RESTOCK", "DUB")).isEqualTo(10);
		assertThat(TestStock.reserved(this.jdbc, "MSG-RESTOCK", "DUB")).isZero();
		assertThat(statuses(order)).containsExactly("RELEASED");
	}

	@Test
	void anOrderReleasedBeforeItReservedGetsNothingReservedLater() {
		TestStock.sku(this.jdbc, "MSG-LATE", 10, null);
		UUID order = UUID.randomUUID();
		release(order);
		reserve(order, Map.of("MSG-LATE", 1));

		awaitRecord("inventory.replies", order.toString(), "StockReleased");
		JsonNode reply = JSON.readTree(awaitRecord("inventory.replies", order.toString(), "StockUnavailable").value());
		assertThat(reply.get("shortages").toString()).isEqualTo("[{\"sku\":\"MSG-LATE\",\"requested\":1,\"available\":0}]");
		assertThat(TestStock.reserved(this.jdbc, "MSG-LATE", "DUB")).isZero();
	}

	@Test
	void reservationsNeverCommittedExpireOnceTheClockPassesTheirTimeToLive() {
		TestStock.sku(this.jdbc, "MSG-EXPIRE", 5, null);
		TestStock.sku(this.jdbc, "MSG-EXPIRE-LATE", 5, null);
		UUID order = UUID.randomUUID();
		UUID committedLate = UUID.randomUUID();
		reserve(order, Map.of("MSG-EXPIRE", 2));
		reserve(committedLate, Map.of("MSG-EXPIRE-LATE", 1));
		awaitRecord("inventory.replies", order.toString(), "StockReserved");
		awaitRecord("inventory.replies", committedLate.toString(), "StockReserved");

		this.clock.advance(Duration.ofMinutes(29));
		this.expiry.expireDue();
		assertThat(statuses(order)).containsExactly("RESERVED");

		this.clock.advance(Duration.ofMinutes(2));
		this.expiry.expireDue();
		assertThat(statuses(order)).containsExactly("EXPIRED");
		assertThat(TestStock.reserved(this.jdbc, "MSG-EXPIRE", "DUB")).isZero();
		awaitStockChanged("MSG-EXPIRE", 5, 0, 5);

		// paid after all: the units are still there, so the sale goes through
		commit(committedLate);
		awaitRecord("inventory.replies", committedLate.toString(), "StockCommitted");
		assertThat(statuses(committedLate)).containsExactly("COMMITTED");
		assertThat(TestStock.onHand(this.jdbc, "MSG-EXPIRE-LATE", "DUB")).isEqualTo(4);
		assertThat(TestStock.reserved(this.jdbc, "MSG-EXPIRE-LATE", "DUB")).isZero();
	}

	@Test
	void aProductCreatedInCatalogMakesItsSkusKnownWithNoStockAndARetiredOneStopsThemBeingReserved() {
		UUID product = CATALOG.product("messaging-lamp", "Messaging Lamp", "MSG-LAMP-S", "MSG-LAMP-L");
		sendCatalogChange(product, "PRODUCT_CREATED");
		Awaitility.await()
			.atMost(BOUND)
			.until(() -> this.jdbc.sql("select count(*) from sku where product_id = :id and active")
				.param("id", product)
				.query(Long.class)
				.single() == 2);
		assertThat(this.jdbc.sql("select product_name from sku where sku = 'MSG-LAMP-S'").query(String.class).single())
			.isEqualTo("Messaging Lamp");
		assertThat(this.availability.of(List.of("MSG-LAMP-S", "MSG-LAMP-L")))
			.extracting(Availability.Available::available)
			.containsExactly(0, 0);

		TestStock.stock(this.jdbc, "MSG-LAMP-S", "DUB", 5);
		sendCatalogChange(product, "PRODUCT_RETIRED");
		Awaitility.await()
			.atMost(BOUND)
			.until(() -> this.jdbc.sql("select count(*) from sku where product_id = :id and not active")
				.param("id", product)
				.query(Long.class)
				.single() == 2);
		awaitStockChanged("MSG-LAMP-S", 5, 0, 0);
		UUID order = UUID.randomUUID();
		reserve(order, Map.of("MSG-LAMP-S", 1));
		JsonNode reply = JSON.readTree(awaitRecord("inventory.replies", order.toString(), "StockUnavailable").value());
		assertThat(reply.get("shortages").toString()).isEqualTo("[{\"sku\":\"MSG-LAMP-S\",\"requested\":1,\"available\":0}]");
	}

	@Test
	void aCommandOfAnUnknownTypeOrNotACommandAtAllIsParkedOnTheDeadLetterTopic() {
		UUID unknown = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		send(unknown, eventId, "Frobnicate", command(eventId, "Frobnicate", unknown, Map.of()));
		UUID garbled = UUID.randomUUID();
		send(garbled, UUID.randomUUID(), "ReserveStock", "{not json");

		awaitRecord("inventory.commands.dlt", unknown.toString(), "Frobnicate");
		awaitRecord("inventory.commands.dlt", garbled.toString(), "ReserveStock");
		assertThat(records("inventory.replies", unknown.toString(), null)).isEmpty();
	}

	private UUID reserve(UUID order, Map<String, Integer> lines) {
		UUID eventId = UUID.randomUUID();
		send(order, eventId, "ReserveStock", command(eventId, "ReserveStock", order, new LinkedHashMap<>(lines)));
		return eventId;
	}

	private void commit(UUID order) {
		UUID eventId = UUID.randomUUID();
		send(order, eventId, "CommitStock", command(eventId, "CommitStock", order, null));
	}

	private void release(UUID order) {
		UUID eventId = UUID.randomUUID();
		send(order, eventId, "ReleaseStock", command(eventId, "ReleaseStock", order, null));
	}

	private String command(UUID eventId, String type, UUID order, Map<String, Integer> lines) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("eventId", eventId);
		message.put("type", type);
		message.put("occurredAt", Instant.now().toString());
		message.put("orderId", order);
		if (lines != null) {
			message.put("lines", lines.entrySet().stream().map((line) -> Map.of("sku", line.getKey(), "quantity",
					line.getValue(), "productName", "ignored")).toList());
		}
		return JSON.writeValueAsString(message);
	}

	private void send(UUID key, UUID eventId, String type, String value) {
		ProducerRecord<String, String> record = new ProducerRecord<>("inventory.commands", key.toString(), value);
		record.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).join();
	}

	private void sendCatalogChange(UUID product, String type) {
		UUID eventId = UUID.randomUUID();
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("eventId", eventId);
		change.put("type", type);
		change.put("productId", product);
		change.put("productSlug", "messaging-lamp");
		change.put("categoryId", UUID.randomUUID());
		change.put("categorySlug", "lamps");
		change.put("version", 1);
		change.put("occurredAt", Instant.now().toString());
		ProducerRecord<String, String> record = new ProducerRecord<>("catalog.changed", product.toString(),
				JSON.writeValueAsString(change));
		record.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).join();
	}

	private long reservationRows(UUID order) {
		return this.jdbc.sql("select count(*) from reservation where order_id = :order").param("order", order)
			.query(Long.class)
			.single();
	}

	private List<String> statuses(UUID order) {
		return this.jdbc.sql("select distinct status from reservation where order_id = :order")
			.param("order", order)
			.query(String.class)
			.list();
	}

	private void awaitStockChanged(String sku, int onHand, int reserved, int available) {
		await((record) -> record.topic().equals("inventory.stock-changed") && record.key().equals(sku)
				&& record.value().contains("\"onHand\":" + onHand + ",\"reserved\":" + reserved + ",\"available\":" + available));
	}

	private ConsumerRecord<String, String> awaitRecord(String topic, String key, String type) {
		return awaitRecords(topic, key, type, 1).getFirst();
	}

	private List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, String type, int count) {
		Awaitility.await().atMost(BOUND).until(() -> {
			poll();
			return records(topic, key, type).size() >= count;
		});
		return records(topic, key, type);
	}

	private void await(Predicate<ConsumerRecord<String, String>> wanted) {
		Awaitility.await().atMost(BOUND).until(() -> {
			poll();
			synchronized (received) {
				return received.stream().anyMatch(wanted);
			}
		});
	}

	private static void poll() {
		synchronized (received) {
			consumer.poll(Duration.ofMillis(100)).forEach(received::add);
		}
	}

	private static List<ConsumerRecord<String, String>> records(String topic, String key, String type) {
		synchronized (received) {
			return received.stream()
				.filter((record) -> record.topic().equals(topic) && key.equals(record.key()))
				.filter((record) -> type == null || type.equals(header(record, "event-type")))
				.toList();
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
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
