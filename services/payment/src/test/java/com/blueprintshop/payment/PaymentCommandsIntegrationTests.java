package com.blueprintshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.provider.ProviderCalls;
import com.blueprintshop.payment.provider.ProviderUnavailableException;
import com.blueprintshop.payment.simulator.SimulatorSettingsStore;

/**
 * The saga's commands end to end: sent to {@code payment.commands} on a real KRaft broker in the
 * test JVM, handled against the machine's PostgreSQL (a throw-away database), answered on
 * {@code payment.replies} through the outbox, or parked on {@code payment.commands.dlt}.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(properties = { "eureka.client.enabled=false", "shop.messaging.topics.partitions=2",
		"shop.messaging.consumer.max-retries=2", "shop.messaging.consumer.initial-backoff=50ms",
		"shop.messaging.consumer.max-backoff=100ms", "shop.payment.provider-timeout=400ms" })
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import({ TestTokens.Decoder.class, RecordingProvider.Config.class })
@DirtiesContext
class PaymentCommandsIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_payment_commands_test");

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COMMANDS = "payment.commands";

	private static final String REPLIES = "payment.replies";

	private static final String PARKED = "payment.commands.dlt";

	/** One attempt and the two retries of {@code shop.messaging.consumer.max-retries}. */
	private static final int ATTEMPTS = 3;

	private static Consumer<String, String> consumer;

	private static Producer<String, String> producer;

	private static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void closeClients() {
		if (consumer != null) {
			consumer.close();
		}
		if (producer != null) {
			producer.close();
		}
	}

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProviderCalls provider;

	@Autowired
	RecordingProvider recording;

	@Autowired
	SimulatorSettingsStore settings;

	private String token;

	@BeforeEach
	void setUp() {
		if (consumer == null) {
			Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "payment-tests", false);
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
			consumer.subscribe(List.of(REPLIES, PARKED));
			producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker), new StringSerializer(),
					new StringSerializer());
		}
		this.settings.change(0, BigDecimal.ZERO, false);
		this.token = this.provider.tokenize(new CardDetails("4242424242424242", YearMonth.now().plusYears(2), "123"))
			.token();
	}

	@AfterEach
	void resetProvider() {
		this.settings.change(0, BigDecimal.ZERO, false);
	}

	@Test
	void authorizesAndRepliesPaymentAuthorizedKeepingOnlyTheTokenAndLastFourDigits() {
		UUID orderId = UUID.randomUUID();
		UUID eventId = send(authorize(orderId, "12.50"));

		JsonNode reply = json(awaitRecord(REPLIES, orderId, "PaymentAuthorized"));
		assertThat(reply.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(UUID.fromString(reply.get("eventId").asString())).isNotEqualTo(eventId);
		assertThat(Instant.parse(reply.get("occurredAt").asString())).isNotNull();
		assertThat(reply.get("authorizationCode").asString()).matches("[A-Z0-9]{6}");

		Map<String, Object> row = this.jdbc.sql("select * from payment where order_id = :orderId")
			.param("orderId", orderId)
			.query()
			.singleRow();
		assertThat(row.get("id")).hasToString(reply.get("paymentId").asString());
		assertThat(row.get("status")).isEqualTo("AUTHORIZED");
		assertThat(row.get("authorization_code")).isEqualTo(reply.get("authorizationCode").asString());
		assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("12.50");
		assertThat(row.get("currency")).isEqualTo("EUR");
		assertThat(row.get("card_token")).isEqualTo(this.token);
		assertThat(row.get("card_last4")).isEqualTo("4242");
		assertThat(row.get("idempotency_key")).isEqualTo("authorize-" + orderId);
		assertThat(row.keySet()).as("nothing of the card but its token and last four digits")
			.containsExactlyInAnyOrder("id", "order_id", "idempotency_key", "amount", "currency", "card_token",
					"card_last4", "status", "authorization_code", "reason", "created_at", "updated_at");
	}

	@Test
	void aRepeatedCommandGetsTheSameReplyAgainWithoutASecondAuthorization() {
		UUID orderId = UUID.randomUUID();
		String first = authorize(orderId, "30.00");
		send(first);
		send(first);
		// the saga asking again (its own retry): a new event id for the same order
		send(authorize(orderId, "30.00"));

		List<ConsumerRecord<String, String>> replies = awaitRecords(REPLIES, orderId, 2);
		assertThat(replies).extracting(PaymentCommandsIntegrationTests::type)
			.containsExactly("PaymentAuthorized", "PaymentAuthorized");
		assertThat(json(replies.get(1)).get("paymentId")).isEqualTo(json(replies.get(0)).get("paymentId"));
		assertThat(json(replies.get(1)).get("authorizationCode"))
			.isEqualTo(json(replies.get(0)).get("authorizationCode"));
		// all three were handled in order on one partition, so the duplicate's reply would be here
		assertThat(outboxRows(orderId)).as("the duplicate delivery answered nothing").isEqualTo(2);
		assertThat(this.recording.authorizations("authorize-" + orderId)).isOne();
		assertThat(count("select count(*) from payment where order_id = '" + orderId + "'")).isOne();
		assertThat(count("select count(*) from simulated_provider_authorization where idempotency_key = 'authorize-"
				+ orderId + "'")).isOne();
	}

	@Test
	void repliesPaymentDeclinedWithTheProvidersReasonWhenItDeclines() {
		this.settings.change(0, BigDecimal.ONE, false);
		UUID orderId = UUID.randomUUID();
		send(authorize(orderId, "99.99"));

		JsonNode reply = json(awaitRecord(REPLIES, orderId, "PaymentDeclined"));
		String reason = reply.get("reason").asString();
		assertThat(reason).isNotBlank().isNotEqualTo("cancelled");
		assertThat(status(orderId)).isEqualTo("DECLINED");
		assertThat(this.jdbc.sql("select reason from payment where order_id = :orderId")
			.param("orderId", orderId)
			.query(String.class)
			.single()).isEqualTo(reason);

		// the saga compensates a declined payment too: nothing to release, the answer is still PaymentVoided
		send(cancel(orderId));
		awaitRecord(REPLIES, orderId, "PaymentVoided");
		assertThat(status(orderId)).isEqualTo("DECLINED");
	}

	@Test
	void parksTheCommandOnTheDeadLetterTopicDuringAnOutageAndRepliesNothing() {
		this.settings.change(0, BigDecimal.ZERO, true);
		UUID orderId = UUID.randomUUID();
		String command = authorize(orderId, "45.00");
		UUID eventId = send(command);

		ConsumerRecord<String, String> parked = awaitRecord(PARKED, orderId, "AuthorizePayment");
		assertThat(header(parked, "event-id")).isEqualTo(eventId.toString());
		assertThat(List.of(String.valueOf(header(parked, KafkaHeaders.DLT_EXCEPTION_FQCN)),
				String.valueOf(header(parked, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))))
			.anyMatch((name) -> name.equals(ProviderUnavailableException.class.getName()));
		assertThat(this.recording.authorizations("authorize-" + orderId)).isEqualTo(ATTEMPTS);
		assertThat(outboxRows(orderId)).isZero();
		assertThat(status(orderId)).isEqualTo("PENDING");

		// once the provider is back, replaying the parked command authorizes it, once
		this.settings.change(0, BigDecimal.ZERO, false);
		send(command);
		awaitRecord(REPLIES, orderId, "PaymentAuthorized");
		assertThat(status(orderId)).isEqualTo("AUTHORIZED");
	}

	@Test
	void aProviderAnswerSlowerThanTheTimeoutCountsAsFailedAndTheRetryGetsTheSameAuthorization() {
		// the provider authorizes at once but its answer takes longer than shop.payment.provider-timeout
		this.settings.change(2000, BigDecimal.ZERO, false);
		UUID orderId = UUID.randomUUID();
		String command = authorize(orderId, "15.00");
		send(command);
		awaitRecord(PARKED, orderId, "AuthorizePayment");
		assertThat(outboxRows(orderId)).isZero();
		String code = this.jdbc.sql("""
				select authorization_code from simulated_provider_authorization where idempotency_key = :key
				""").param("key", "authorize-" + orderId).query(String.class).single();

		this.settings.change(0, BigDecimal.ZERO, false);
		send(command);
		JsonNode reply = json(awaitRecord(REPLIES, orderId, "PaymentAuthorized"));
		assertThat(reply.get("authorizationCode").asString()).as("the hold made before the timeouts").isEqualTo(code);
	}

	@Test
	void voidsAnAuthorizedPaymentAtTheProvider() {
		UUID orderId = UUID.randomUUID();
		send(authorize(orderId, "20.00"));
		awaitRecord(REPLIES, orderId, "PaymentAuthorized");

		send(cancel(orderId));
		JsonNode reply = json(awaitRecord(REPLIES, orderId, "PaymentVoided"));
		assertThat(reply.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(status(orderId)).isEqualTo("VOIDED");
		assertThat(this.recording.voids("void-" + orderId)).isOne();
		assertThat(count("select count(*) from simulated_provider_authorization where idempotency_key = 'authorize-"
				+ orderId + "' and voided_at is not null")).isOne();
	}

	@Test
	void aVoidBeforeTheAuthorizationLeavesATombstoneThatDeclinesItWithoutAskingTheProvider() {
		UUID orderId = UUID.randomUUID();
		send(cancel(orderId));
		awaitRecord(REPLIES, orderId, "PaymentVoided");
		Map<String, Object> tombstone = this.jdbc.sql("select * from payment where order_id = :orderId")
			.param("orderId", orderId)
			.query()
			.singleRow();
		assertThat(tombstone.get("status")).isEqualTo("VOIDED");
		assertThat(tombstone.get("amount")).isNull();
		assertThat(tombstone.get("card_token")).isNull();

		// a slow or replayed AuthorizePayment for the cancelled order
		send(authorize(orderId, "20.00"));
		JsonNode reply = json(awaitRecord(REPLIES, orderId, "PaymentDeclined"));
		assertThat(reply.get("reason").asString()).isEqualTo("cancelled");
		assertThat(this.recording.authorizations("authorize-" + orderId)).isZero();
		assertThat(this.recording.voids("void-" + orderId)).isZero();
		assertThat(count("select count(*) from payment where order_id = '" + orderId + "'")).isOne();
	}

	@Test
	void parksAMalformedCommandAtOnce() {
		UUID orderId = UUID.randomUUID();
		sendRaw(orderId, UUID.randomUUID(), "AuthorizePayment", "{not json");
		sendRaw(orderId, UUID.randomUUID(), "AuthorizePayment", authorize(orderId, "0.00"));
		sendRaw(orderId, UUID.randomUUID(), "RefundPayment", authorize(orderId, "1.00").replace("AuthorizePayment",
				"RefundPayment"));
		List<ConsumerRecord<String, String>> parked = awaitRecords(PARKED, orderId, 3);
		for (ConsumerRecord<String, String> record : parked) {
			assertThat(List.of(String.valueOf(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)),
					String.valueOf(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))))
				.contains(PoisonMessageException.class.getName());
		}
		assertThat(this.recording.authorizations("authorize-" + orderId)).isZero();
		assertThat(outboxRows(orderId)).isZero();
	}

	private String authorize(UUID orderId, String amount) {
		Map<String, Object> command = envelope("AuthorizePayment", orderId);
		command.put("amount", Map.of("amount", new BigDecimal(amount), "currency", "EUR"));
		command.put("cardToken", this.token);
		command.put("cardLast4", "4242");
		return JSON.writeValueAsString(command);
	}

	private static String cancel(UUID orderId) {
		return JSON.writeValueAsString(envelope("VoidPayment", orderId));
	}

	private static Map<String, Object> envelope(String type, UUID orderId) {
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("eventId", UUID.randomUUID().toString());
		command.put("type", type);
		command.put("occurredAt", Instant.now().toString());
		command.put("orderId", orderId.toString());
		return command;
	}

	/** Sends a command as the order service's relay would: keyed by order, with its id and type headers. */
	private static UUID send(String command) {
		JsonNode parsed = JSON.readTree(command);
		UUID eventId = UUID.fromString(parsed.get("eventId").asString());
		sendRaw(UUID.fromString(parsed.get("orderId").asString()), eventId, parsed.get("type").asString(), command);
		return eventId;
	}

	private static void sendRaw(UUID orderId, UUID eventId, String type, String value) {
		ProducerRecord<String, String> record = new ProducerRecord<>(COMMANDS, orderId.toString(), value);
		record.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		try {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ConsumerRecord<String, String> awaitRecord(String topic, UUID orderId, String type) {
		return awaitRecords(topic, orderId, 1, (record) -> type.equals(type(record))).get(0);
	}

	private static List<ConsumerRecord<String, String>> awaitRecords(String topic, UUID orderId, int count) {
		return awaitRecords(topic, orderId, count, (record) -> true);
	}

	/** The first {@code count} records on {@code topic} keyed by the order, in the order they came. */
	private static List<ConsumerRecord<String, String>> awaitRecords(String topic, UUID orderId, int count,
			Predicate<ConsumerRecord<String, String>> matching) {
		Predicate<ConsumerRecord<String, String>> wanted = (record) -> record.topic().equals(topic)
				&& orderId.toString().equals(record.key()) && matching.test(record);
		Awaitility.await().atMost(BOUND).pollInterval(Duration.ZERO).until(() -> {
			consumer.poll(Duration.ofMillis(100)).forEach(received::add);
			return received.stream().filter(wanted).count() >= count;
		});
		return received.stream().filter(wanted).limit(count).toList();
	}

	private static String type(ConsumerRecord<String, String> record) {
		return header(record, "event-type");
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static JsonNode json(ConsumerRecord<String, String> record) {
		return JSON.readTree(record.value());
	}

	private long outboxRows(UUID orderId) {
		return this.jdbc.sql("select count(*) from outbox where message_key = :key")
			.param("key", orderId.toString())
			.query(Long.class)
			.single();
	}

	private String status(UUID orderId) {
		return this.jdbc.sql("select status from payment where order_id = :orderId")
			.param("orderId", orderId)
			.query(String.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
