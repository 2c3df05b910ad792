package com.blueprintshop.defaults.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.defaults.TestDatabase;

/**
 * The outbox, its relay, the inbox, topic creation and dead letters, against the machine's
 * PostgreSQL (a throw-away database) and a real KRaft broker in the test JVM.
 */
@SpringBootTest(classes = MessagingIntegrationTests.SampleService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=messaging-sample", "eureka.client.enabled=false",
				"spring.flyway.locations=classpath:db/messaging", "shop.messaging.outbox.enabled=true",
				"shop.messaging.topics.partitions=4", "shop.messaging.consumer.max-retries=2",
				"shop.messaging.consumer.initial-backoff=50ms", "shop.messaging.consumer.max-backoff=100ms" })
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class MessagingIntegrationTests {

	static final String PUBLISHED = "sample.events";

	static final String CONSUMED = "sample.commands";

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final String DATABASE = TestDatabase.create("bp_messaging_test");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabase.drop(DATABASE);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	KafkaTopics topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	SampleHandler handler;

	@Autowired
	Inbox inbox;

	@Test
	void createsEveryTopicItPublishesOrReadsWithItsPartitionsAndADeadLetterTopicForWhatItReads() throws Exception {
		await(this.topics::ready);
		try (Admin client = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			Map<String, TopicDescription> described = client
				.describeTopics(List.of(PUBLISHED, CONSUMED, CONSUMED + ".dlt"))
				.allTopicNames()
				.get();
			assertThat(described.get(PUBLISHED).partitions()).hasSize(3);
			assertThat(described.get(CONSUMED).partitions()).hasSize(4);
			assertThat(described.get(CONSUMED + ".dlt").partitions()).hasSize(4);
		}
	}

	@Test
	void publishesCommittedMessagesInTheOrderTheyWereWrittenWithTheirIdAndType() {
		String key = UUID.randomUUID().toString();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			int n = i;
			inTransaction(() -> this.outbox.append(PUBLISHED, key, id, "Counted", Map.of("n", n, "eventId", id)));
		}
		List<ConsumerRecord<String, String>> records = read(PUBLISHED, key, 20);
		assertThat(records).extracting((record) -> header(record, "event-id")).containsExactlyElementsOf(
				ids.stream().map(UUID::toString).toList());
		assertThat(records).extracting((record) -> header(record, "event-type")).containsOnly("Counted");
		assertThat(records.get(7).value()).contains("\"n\":7");
		await(() -> unsent(key) == 0);
	}

	@Test
	void aRolledBackTransactionPublishesNothing() {
		String key = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> {
			this.outbox.append(PUBLISHED, key, UUID.randomUUID(), "Discarded", Map.of());
			status.setRollbackOnly();
		});
		UUID kept = UUID.randomUUID();
		inTransaction(() -> this.outbox.append(PUBLISHED, key, kept, "Kept", Map.of()));
		List<ConsumerRecord<String, String>> records = read(PUBLISHED, key, 1);
		assertThat(records).extracting((record) -> header(record, "event-type")).containsExactly("Kept");
		assertThat(this.jdbc.sql("select count(*) from outbox where message_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aPausedRelayKeepsMessagesWaitingUntilItResumes() {
		String key = UUID.randomUUID().toString();
		this.relay.pause();
		try {
			inTransaction(() -> this.outbox.append(PUBLISHED, key, UUID.randomUUID(), "Held", Map.of()));
			this.relay.relay();
			assertThat(unsent(key)).isOne();
		}
		finally {
			this.relay.resume();
		}
		await(() -> unsent(key) == 0);
		assertThat(read(PUBLISHED, key, 1)).hasSize(1);
	}

	@Test
	void onlyTheInstanceHoldingTheRelayLockSends() throws Exception {
		this.relay.pause();
		String key = UUID.randomUUID().toString();
		try (Connection other = DriverManager
			.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres")) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.execute("select pg_advisory_xact_lock(" + OutboxRelay.LOCK_KEY + ")");
			}
			inTransaction(() -> this.outbox.append(PUBLISHED, key, UUID.randomUUID(), "Locked", Map.of()));
			this.relay.resume();
			this.relay.relay();
			assertThat(unsent(key)).as("another relay holds the lock").isOne();
			other.rollback();
		}
		await(() -> unsent(key) == 0);
	}

	@Test
	void theInboxLetsAMessageHaveItsEffectOnce() {
		UUID id = UUID.randomUUID();
		List<Boolean> answers = new ArrayList<>();
		inTransaction(() -> answers.add(this.inbox.firstDelivery("tests", id)));
		inTransaction(() -> answers.add(this.inbox.firstDelivery("tests", id)));
		inTransaction(() -> answers.add(this.inbox.firstDelivery("other-consumer", id)));
		assertThat(answers).containsExactly(true, false, true);
	}

	@Test
	void aDuplicateDeliveryIsHandledOnceAndAFlakyHandlerSucceedsOnARedelivery() {
		UUID duplicate = UUID.randomUUID();
		UUID flaky = UUID.randomUUID();
		this.handler.failFirst(flaky, 2);
		inTransaction(() -> {
			this.outbox.append(CONSUMED, "k", duplicate, "Command", Map.of("eventId", duplicate, "body", "first"));
			this.outbox.append(CONSUMED, "k", flaky, "Command", Map.of("eventId", flaky, "body", "flaky"));
		});
		// the same message once more, as a relay that crashed before stamping it would send it
		this.jdbc.sql("""
				insert into outbox (topic, message_key, event_id, event_type, payload)
				select topic, message_key, gen_random_uuid(), event_type, payload from outbox where event_id = :id
				""").param("id", duplicate).update();
		this.relay.wakeUp();
		// the copy was written last, so it arrives after the flaky message has had its retries
		await(() -> handled(flaky) && this.handler.deliveries(duplicate) >= 2);
		assertThat(this.handler.deliveries(duplicate)).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from handled where event_id = :id")
			.param("id", duplicate)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.handler.deliveries(flaky)).isEqualTo(3);
	}

	@Test
	void parksAPoisonMessageOnTheDeadLetterTopicAtOnceAndAlwaysFailingOneAfterItsRetries() {
		String key = UUID.randomUUID().toString();
		UUID poison = UUID.randomUUID();
		UUID failing = UUID.randomUUID();
		this.handler.failFirst(failing, Integer.MAX_VALUE);
		inTransaction(() -> {
			this.outbox.append(CONSUMED, key, poison, "Command", Map.of("eventId", poison, "body", "poison"));
			this.outbox.append(CONSUMED, key, failing, "Command", Map.of("eventId", failing, "body", "failing"));
		});
		List<ConsumerRecord<String, String>> parked = read(CONSUMED + ".dlt", key, 2);
		assertThat(parked).extracting((record) -> header(record, "event-id"))
			.containsExactly(poison.toString(), failing.toString());
		assertThat(java.util.Arrays.asList(header(parked.get(0), KafkaHeaders.DLT_EXCEPTION_FQCN),
				header(parked.get(0), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)))
			.contains(PoisonMessageException.class.getName());
		assertThat(this.handler.deliveries(poison)).isOne();
		assertThat(this.handler.deliveries(failing)).isEqualTo(3);
		assertThat(handled(poison) || handled(failing)).isFalse();
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> work.run());
	}

	private long unsent(String key) {
		return this.jdbc.sql("select count(*) from outbox where message_key = :key and sent_at is null")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private boolean handled(UUID id) {
		return this.jdbc.sql("select count(*) from handled where event_id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** The first {@code count} records with {@code key} on {@code topic}, read from the beginning. */
	private List<ConsumerRecord<String, String>> read(String topic, String key, int count) {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "reader-" + UUID.randomUUID(), false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (Consumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + BOUND.toNanos();
			while (found.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record);
					}
				}
			}
		}
		assertThat(found).as("records with key %s on %s", key, topic).hasSize(count);
		return found;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static void await(BooleanSupplier condition) {
		Awaitility.await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SampleService {

		@Bean
		NewTopic publishedTopic() {
			return TopicBuilder.name(PUBLISHED).partitions(3).replicas(1).build();
		}

		@Bean
		SampleHandler sampleHandler(Inbox inbox, JdbcClient jdbc) {
			return new SampleHandler(inbox, jdbc);
		}

	}

	/** A consumer as every service writes one: inbox first, effect in the same transaction. */
	public static class SampleHandler {

		final Inbox inbox;

		final JdbcClient jdbc;

		final Map<UUID, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

		final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();

		SampleHandler(Inbox inbox, JdbcClient jdbc) {
			this.inbox = inbox;
			this.jdbc = jdbc;
		}

		public void failFirst(UUID id, int times) {
			this.failuresLeft.put(id, new AtomicInteger(times));
		}

		public int deliveries(UUID id) {
			AtomicInteger count = this.deliveries.get(id);
			return (count != null) ? count.get() : 0;
		}

		@KafkaListener(topics = CONSUMED)
		@org.springframework.transaction.annotation.Transactional
		public void handle(String value, @Header("event-id") byte[] eventId, @Header(KafkaHeaders.RECEIVED_KEY) String key) {
			UUID id = UUID.fromString(new String(eventId, StandardCharsets.UTF_8));
			UUID bodyId = UUID.fromString(value.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1"));
			this.deliveries.computeIfAbsent(bodyId, (k) -> new AtomicInteger()).incrementAndGet();
			if (value.contains("\"poison\"")) {
				throw new PoisonMessageException("not a command: " + id);
			}
			AtomicInteger failures = this.failuresLeft.get(bodyId);
			if (failures != null && failures.getAndDecrement() > 0) {
				throw new IllegalStateException("not yet");
			}
			if (this.inbox.firstDelivery("sample", bodyId)) {
				this.jdbc.sql("insert into handled (event_id, body) values (:id, :body)")
					.param("id", bodyId)
					.param("body", value)
					.update();
			}
		}

	}

}
