package com.blueprintshop.order;

import static com.blueprintshop.order.OrderTestSupport.checkout;
import static com.blueprintshop.order.OrderTestSupport.line;
import static com.blueprintshop.order.OrderTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.order.OrderTestSupport.Reply;
import com.blueprintshop.order.OrderTestSupport.Shopper;

/**
 * The checkout saga end to end through a real broker: the test plays inventory and payment,
 * reading their command topics and answering on their reply topics, and watches what the order
 * service does — every path of the saga, a repeated answer, the status long poll and
 * cancellation with its compensations.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.order.saga.payment-timeout=3s",
				"shop.order.saga.stock-timeout=30s", "shop.order.saga.sweep-interval=200ms" })
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestTokens.Decoder.class)
@DirtiesContext
class CheckoutSagaIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_order_saga_test");

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final StubCatalog catalog = startCatalog();

	private static final List<JsonNode> commands = new CopyOnWriteArrayList<>();

	private static final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private static Consumer<String, String> consumer;

	private static Producer<String, String> producer;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.cloud.discovery.client.simple.instances.catalog[0].uri", catalog::url);
	}

	@AfterAll
	static void close() {
		catalog.close();
		if (consumer != null) {
			consumer.close();
			producer.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void connect() {
		if (consumer == null) {
			Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "saga-tests", false);
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
			consumer.subscribe(List.of("inventory.commands", "payment.commands", "order.events"));
			producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker), new StringSerializer(),
					new StringSerializer());
		}
	}

	@Test
	void aPaidOrderIsReservedAuthorizedCommittedAndConfirmed() throws Exception {
		Shopper shopper = Shopper.random();
		String order = place(shopper, line(StubCatalog.HEADPHONES, 2, "149.99"));
		CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> send(this.port, "GET",
				"/orders/" + order + "/status?unlike=PENDING&wait=20", shopper.token(), null, null));

		JsonNode reserve = command(order, "ReserveStock");
		assertThat(reserve.get("lines").get(0).get("sku").asString()).isEqualTo(StubCatalog.HEADPHONES);
		assertThat(reserve.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		reply("inventory.replies", order, "StockReserved", Map.of("reservations", List.of()));

		JsonNode authorize = command(order, "AuthorizePayment");
		assertThat(authorize.get("amount").get("amount").decimalValue()).isEqualByComparingTo("299.98");
		assertThat(authorize.get("cardToken").asString()).isEqualTo("tok_test_0123456789");
		reply("payment.replies", order, "PaymentAuthorized", Map.of("paymentId", UUID.randomUUID().toString(),
				"authorizationCode", "A1"));

		assertThat(command(order, "CommitStock")).isNotNull();
		JsonNode confirmed = event(order, "OrderConfirmed");
		assertThat(confirmed.get("customerEmail").asString()).isEqualTo(shopper.email());
		assertThat(confirmed.get("total").get("amount").decimalValue()).isEqualByComparingTo("299.98");
		assertThat(status(shopper, order)).isEqualTo("CONFIRMED");
		assertThat(waiting.get().json().get("status").asString()).as("the long poll woke up").isEqualTo("CONFIRMED");
	}

	@Test
	void aStockShortageRejectsTheOrderAndSaysWhatIsShort() {
		Shopper shopper = Shopper.random();
		String order = place(shopper, line(StubCatalog.CABLE, 3, "9.50"));
		command(order, "ReserveStock");
		reply("inventory.replies", order, "StockUnavailable",
				Map.of("shortages", List.of(Map.of("sku", StubCatalog.CABLE, "requested", 3, "available", 1))));
		JsonNode rejected = event(order, "OrderRejected");
		assertThat(rejected.get("reasonCode").asString()).isEqualTo("STOCK_SHORTAGE");
		Reply view = send(this.port, "GET", "/orders/" + order, shopper.token(), null, null);
		assertThat(view.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(view.json().get("reason").asString()).contains(StubCatalog.CABLE).contains("1 left");
		assertThat(commandsFor(order)).extracting((c) -> c.get("type").asString()).containsExactly("ReserveStock");
	}

	@Test
	void aDeclinedPaymentRejectsTheOrderAndReleasesTheStock() {
		Shopper shopper = Shopper.random();
		String order = place(shopper, line(StubCatalog.CABLE, 1, "9.50"));
		command(order, "ReserveStock");
		reply("inventory.replies", order, "StockReserved", Map.of("reservations", List.of()));
		command(order, "AuthorizePayment");
		reply("payment.replies", order, "PaymentDeclined", Map.of("reason", "insufficient funds"));
		command(order, "ReleaseStock");
		assertThat(event(order, "OrderRejected").get("reasonCode").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(status(shopper, order)).isEqualTo("REJECTED");
	}

	@Test
	void aPaymentThatNeverAnswersTimesOutVoidsAndReleases() {
		Shopper shopper = Shopper.random();
		String order = place(shopper, line(StubCatalog.CABLE, 1, "9.50"));
		command(order, "ReserveStock");
		reply("inventory.replies", order, "StockReserved", Map.of("reservations", List.of()));
		command(order, "AuthorizePayment");
		// no answer: the 3 s deadline passes
		assertThat(event(order, "OrderRejected").get("reasonCode").asString()).isEqualTo("PAYMENT_TIMEOUT");
		command(order, "VoidPayment");
		command(order, "ReleaseStock");
		// the authorization arrives late: ignored, the VoidPayment already sent undoes it
		reply("payment.replies", order, "PaymentAuthorized", Map.of("paymentId", "p", "authorizationCode", "late"));
		assertThat(status(shopper, order)).isEqualTo("REJECTED");
	}

	@Test
	void aRepeatedAnswerIsHandledOnce() {
		Shopper shopper = Shopper.random();
		String order = place(shopper, line(StubCatalog.CABLE, 1, "9.50"));
		command(order, "ReserveStock");
		UUID eventId = UUID.randomUUID();
		reply("inventory.replies", order, "StockReserved", eventId, Map.of("reservations", List.of()));
		reply("inventory.replies", order, "StockReserved", eventId, Map.of("reservations", List.of()));
		command(order, "AuthorizePayment");
		reply("payment.replies", order, "PaymentAuthorized", Map.of("paymentId", "p", "authorizationCode", "A"));
		event(order, "OrderConfirmed");
		assertThat(commandsFor(order)).extracting((c) -> c.get("type").asString())
			.containsExactly("ReserveStock", "AuthorizePayment", "CommitStock");
	}

	@Test
	void cancellingAConfirmedOrderVoidsThePaymentAndRestocks() {
		Shopper shopper = Shopper.random();
		String order = confirmed(shopper);

		Reply cancelled = send(this.port, "POST", "/orders/" + order + "/cancel", shopper.token(), null, null);
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		command(order, "VoidPayment");
		command(order, "ReleaseStock");
		assertThat(event(order, "OrderCancelled").get("reason").asString()).isNotBlank();
		assertThat(send(this.port, "POST", "/orders/" + order + "/cancel", shopper.token(), null, null).status())
			.as("cancelled once")
			.isEqualTo(409);
	}

	@Test
	void aShippedOrderCannotBeCancelled() {
		Shopper shopper = Shopper.random();
		String order = confirmed(shopper);
		String warehouse = TestTokens.forUser(UUID.randomUUID().toString(), "w@example.com", List.of("WAREHOUSE"));
		Reply shipped = send(this.port, "POST", "/admin/orders/" + order + "/ship", warehouse, null, null);
		assertThat(shipped.status()).isEqualTo(200);
		assertThat(shipped.json().get("status").asString()).isEqualTo("SHIPPED");
		assertThat(send(this.port, "POST", "/orders/" + order + "/cancel", shopper.token(), null, null).status())
			.isEqualTo(409);
		assertThat(send(this.port, "POST", "/admin/orders/" + order + "/ship", warehouse, null, null).status())
			.isEqualTo(409);
	}

	/** An order taken through the happy path by the test's inventory and payment. */
	private String confirmed(Shopper shopper) {
		String order = place(shopper, line(StubCatalog.CABLE, 1, "9.50"));
		command(order, "ReserveStock");
		reply("inventory.replies", order, "StockReserved", Map.of("reservations", List.of()));
		command(order, "AuthorizePayment");
		reply("payment.replies", order, "PaymentAuthorized", Map.of("paymentId", "p", "authorizationCode", "A"));
		event(order, "OrderConfirmed");
		return order;
	}

	private String place(Shopper shopper, Map<String, Object> line) {
		Reply accepted = send(this.port, "POST", "/orders", shopper.token(), UUID.randomUUID().toString(),
				checkout(List.of(line)));
		assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
		return accepted.json().get("orderId").asString();
	}

	private String status(Shopper shopper, String order) {
		return send(this.port, "GET", "/orders/" + order + "/status", shopper.token(), null, null).json()
			.get("status")
			.asString();
	}

	private void reply(String topic, String order, String type, Map<String, Object> fields) {
		reply(topic, order, type, UUID.randomUUID(), fields);
	}

	private void reply(String topic, String order, String type, UUID eventId, Map<String, Object> fields) {
		Map<String, Object> message = new java.util.HashMap<>(fields);
		message.put("eventId", eventId.toString());
		message.put("type", type);
		message.put("occurredAt", java.time.Instant.now().toString());
		message.put("orderId", order);
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, order,
				OrderTestSupport.JSON.writeValueAsString(message));
		record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		producer.send(record);
		producer.flush();
	}

	private JsonNode command(String order, String type) {
		return awaitMessage(commands, order, type);
	}

	private JsonNode event(String order, String type) {
		return awaitMessage(events, order, type);
	}

	private List<JsonNode> commandsFor(String order) {
		drain();
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode command : commands) {
			if (order.equals(command.get("orderId").asString())) {
				found.add(command);
			}
		}
		return found;
	}

	private static JsonNode awaitMessage(List<JsonNode> seen, String order, String type) {
		return Awaitility.await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
			drain();
			return seen.stream()
				.filter((m) -> order.equals(m.get("orderId").asString()) && type.equals(m.get("type").asString()))
				.findFirst()
				.orElse(null);
		}, java.util.Objects::nonNull);
	}

	private static synchronized void drain() {
		consumer.poll(Duration.ofMillis(100)).forEach((record) -> {
			JsonNode message = OrderTestSupport.JSON.readTree(record.value());
			(record.topic().equals("order.events") ? events : commands).add(message);
		});
	}

	private static StubCatalog startCatalog() {
		try {
			return new StubCatalog();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
