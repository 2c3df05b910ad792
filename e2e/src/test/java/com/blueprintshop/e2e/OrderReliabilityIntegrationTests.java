package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * What "nothing acknowledged is ever lost" means, tried on the whole running system with real
 * Kafka, PostgreSQL and SMTP: the order service killed (SIGKILL) between writing an order's
 * event and publishing it; messages delivered twice; the broker frozen for 30 seconds while
 * shoppers check out; the same checkout sent twice. Every wait is bounded; nothing is timed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class OrderReliabilityIntegrationTests {

	static final String SKU_PRODUCT = "studio-wireless-headphones";

	static final Duration SETTLE = Duration.ofMinutes(2);

	final Blueprint blueprint = new Blueprint("order-reliability");

	final HttpClient local = HttpClient.newHttpClient();

	ShopApi api;

	String shopper;

	String admin;

	String sku;

	@BeforeAll
	void startTheShop() throws Exception {
		SystemState.deleteRecursively(this.blueprint.home());
		Blueprint.Result up = this.blueprint.run(Duration.ofMinutes(10), "up");
		assertThat(up.exitCode()).as(up.output()).isZero();
		this.api = new ShopApi(this.blueprint, Edge.of(this.blueprint));
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.shopper = this.api.newShopperToken("reliable-" + suffix + "@example.com", "Sturdy-orders-" + suffix + "-9");
		this.admin = this.api.signIn("admin@blueprint.shop", this.api.adminPassword());
		this.sku = this.api.get("/api/catalog/products/" + SKU_PRODUCT, null).json().get("skus").get(0).get("sku")
			.asString();
		awaitStock();
	}

	@AfterAll
	void stopTheShop() throws Exception {
		this.blueprint.downLeavesNothingBehind();
	}

	@Test
	@Order(1)
	void theSameCheckoutSentTwiceIsOneOrder() throws Exception {
		String key = UUID.randomUUID().toString();
		ShopApi.Reply first = this.api.checkout(this.shopper, key, this.sku, 1);
		ShopApi.Reply second = this.api.checkout(this.shopper, key, this.sku, 1);
		assertThat(first.status()).as(first.body()).isEqualTo(202);
		assertThat(second.status()).as(second.body()).isEqualTo(202);
		assertThat(second.json().get("orderId").asString()).isEqualTo(first.json().get("orderId").asString());
		assertThat(this.api.awaitSettled(this.shopper, first.json().get("orderId").asString(), SETTLE))
			.isEqualTo("CONFIRMED");
		assertThat(this.api.get("/api/order/orders?size=50", this.shopper).json().get("totalItems").asLong()).isOne();
	}

	@Test
	@Order(2)
	void anOrderServiceKilledBetweenTheOutboxWriteAndThePublishDeliversTheEventOnceAfterItsRestart()
			throws Exception {
		int onHandBefore = onHand();
		outbox(Map.of("paused", true));
		String orderId = this.api.checkout(this.shopper, UUID.randomUUID().toString(), this.sku, 2).json()
			.get("orderId").asString();
		assertThat(outbox(null).get("pending").asLong()).as("OrderPlaced written, not yet published").isPositive();

		Blueprint.Result kill = this.blueprint.run(Duration.ofMinutes(1), "chaos", "kill", "order");
		assertThat(kill.exitCode()).as(kill.output()).isZero();
		Blueprint.Result restart = this.blueprint.run(Duration.ofMinutes(5), "restart", "order");
		assertThat(restart.exitCode()).as(restart.output()).isZero();
		assertThat(restart.output()).contains("taken out of the registry");
		awaitRoutedToTheNewOrderService();

		assertThat(this.api.awaitSettled(this.shopper, orderId, SETTLE)).isEqualTo("CONFIRMED");
		awaitMail(orderId, 1);
		assertThat(onHand()).as("committed once: two units left the warehouse").isEqualTo(onHandBefore - 2);
		assertThat(reserved()).isZero();
	}

	@Test
	@Order(3)
	void aMessageDeliveredTwiceHasItsEffectOnce() throws Exception {
		String orderId = this.api.checkout(this.shopper, UUID.randomUUID().toString(), this.sku, 1).json()
			.get("orderId").asString();
		assertThat(this.api.awaitSettled(this.shopper, orderId, SETTLE)).isEqualTo("CONFIRMED");
		awaitMail(orderId, 1);
		int onHand = onHand();

		ConsumerRecord<String, String> reserve = find("inventory.commands", orderId, "ReserveStock");
		ConsumerRecord<String, String> confirmed = find("order.events", orderId, "OrderConfirmed");
		RecordMetadata reserveAgain = redeliver(reserve);
		RecordMetadata confirmedAgain = redeliver(confirmed);
		awaitConsumed("inventory", reserveAgain);
		awaitConsumed("notification", confirmedAgain);

		assertThat(mailsFor(orderId)).as("one e-mail").isEqualTo(1);
		assertThat(onHand()).as("no second reservation or sale").isEqualTo(onHand);
		assertThat(reserved()).isZero();
	}

	@Test
	@Order(4)
	void checkoutsAreAcceptedWhileTheBrokerIsFrozenAndAllCompleteWhenItIsBack() throws Exception {
		Path output = Files.createTempFile("chaos-pause-", ".out");
		Process pause = this.blueprint.start(output, "chaos", "pause", "kafka", "--for", "30s");
		try {
			await("the broker to be paused", Duration.ofSeconds(30),
					() -> Files.readString(output).contains("paused for"));
			List<String> orders = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				ShopApi.Reply accepted = this.api.checkout(this.shopper, UUID.randomUUID().toString(), this.sku, 1);
				assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
				orders.add(accepted.json().get("orderId").asString());
			}
			assertThat(pause.waitFor(90, TimeUnit.SECONDS)).as("the pause ends by itself").isTrue();
			assertThat(pause.exitValue()).as(Files.readString(output)).isZero();
			assertThat(Files.readString(output)).contains("resumed");
			for (String order : orders) {
				assertThat(this.api.awaitSettled(this.shopper, order, SETTLE)).as(order).isEqualTo("CONFIRMED");
			}
		}
		finally {
			pause.destroy();
			Files.deleteIfExists(output);
		}
	}

	/**
	 * Until the gateway has dropped the killed instance: its registry copy and load-balancer cache
	 * refresh every 5 s, and meanwhile a request sent to the dead address is answered 503.
	 */
	private void awaitRoutedToTheNewOrderService() {
		java.util.concurrent.atomic.AtomicInteger inARow = new java.util.concurrent.atomic.AtomicInteger();
		await("five answers in a row from the new order service", Duration.ofMinutes(1), () -> {
			int status = this.api.get("/api/order/orders?size=1", this.shopper).status();
			return (status == 200) ? inARow.incrementAndGet() >= 5 : inARow.getAndSet(0) < 0;
		});
	}

	// --- the run's own endpoints on this machine

	private JsonNode outbox(Map<String, Object> change) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + state().port("order") + "/actuator/outbox"))
			.timeout(Duration.ofSeconds(10));
		if (change != null) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(ShopApi.JSON.writeValueAsString(change)));
		}
		HttpResponse<String> response = this.local.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ShopApi.JSON.readTree(response.body());
	}

	private long mailsFor(String orderId) throws Exception {
		return new Mailbox(this.blueprint).aboutOrder(orderId);
	}

	private void awaitMail(String orderId, int count) throws Exception {
		await("e-mail about " + orderId, SETTLE, () -> mailsFor(orderId) >= count);
	}

	private JsonNode stock() throws Exception {
		ShopApi.Reply stock = this.api.get("/api/inventory/admin/stock?sku=" + this.sku, this.admin);
		assertThat(stock.status()).as(stock.body()).isEqualTo(200);
		return stock.json();
	}

	private int onHand() throws Exception {
		return stock().get("warehouses").valueStream().mapToInt((w) -> w.get("onHand").asInt()).sum();
	}

	private int reserved() throws Exception {
		return stock().get("warehouses").valueStream().mapToInt((w) -> w.get("reserved").asInt()).sum();
	}

	/** Inventory learns its SKUs from catalog after start-up; the tests buy once it has. */
	private void awaitStock() throws Exception {
		await("inventory to stock " + this.sku, Duration.ofMinutes(2), () -> {
			ShopApi.Reply available = this.api.get("/api/inventory/availability?sku=" + this.sku, null);
			return available.status() == 200 && available.json().get(0).get("available").asInt() >= 10;
		});
	}

	// --- the broker

	private Properties kafka() throws Exception {
		Properties properties = new Properties();
		properties.put("bootstrap.servers", "127.0.0.1:" + state().port("kafka"));
		return properties;
	}

	private ConsumerRecord<String, String> find(String topic, String key, String type) throws Exception {
		Properties properties = kafka();
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key()) && record.value().contains("\"" + type + "\"")) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("no " + type + " for " + key + " on " + topic);
	}

	/** The same record once more, headers and all, as a relay that crashed before stamping it would send it. */
	private RecordMetadata redeliver(ConsumerRecord<String, String> record) throws Exception {
		Properties properties = kafka();
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new StringSerializer())) {
			ProducerRecord<String, String> again = new ProducerRecord<>(record.topic(), record.partition(),
					record.key(), record.value(), record.headers());
			return producer.send(again).get(30, TimeUnit.SECONDS);
		}
	}

	/** Until {@code group} has committed an offset past {@code record}: it handled the repeat. */
	private void awaitConsumed(String group, RecordMetadata record) throws Exception {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try (Admin admin = Admin.create(kafka())) {
			await(group + " to read past " + partition + "@" + record.offset(), SETTLE, () -> {
				Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				OffsetAndMetadata committed = offsets.get(partition);
				return committed != null && committed.offset() > record.offset();
			});
			assertThat(admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()).isNotEmpty();
		}
	}

	private static void await(String what, Duration bound, java.util.concurrent.Callable<Boolean> condition) {
		org.awaitility.Awaitility.await(what)
			.atMost(bound)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(condition);
	}

	private SystemState state() throws Exception {
		return SystemState.read(this.blueprint);
	}

}
