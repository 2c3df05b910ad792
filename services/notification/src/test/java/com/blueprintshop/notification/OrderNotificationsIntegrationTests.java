package com.blueprintshop.notification;

import static com.blueprintshop.defaults.TestHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
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
import com.blueprintshop.defaults.messaging.KafkaTopics;

/**
 * Order events in, e-mails and in-app notifications out: a real KRaft broker in the test JVM,
 * GreenMail as a real SMTP server, the machine's PostgreSQL (a throw-away database). Retries are
 * shortened to two, 50 to 100 ms apart.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.messaging.topics.partitions=2",
				"shop.messaging.consumer.max-retries=2", "shop.messaging.consumer.initial-backoff=50ms",
				"shop.messaging.consumer.max-backoff=100ms" })
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestTokens.Decoder.class)
@DirtiesContext
class OrderNotificationsIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_notification_orders_test");

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SMTP_PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	private static Producer<String, String> producer;

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@AfterAll
	static void stopSmtpAndProducer() {
		if (producer != null) {
			producer.close();
		}
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaTopics topics;

	@Autowired
	MeterRegistry meters;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		await(this.topics::ready);
		if (producer == null) {
			producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker), new StringSerializer(),
					new StringSerializer());
		}
	}

	@Test
	void anOrderConfirmedSendsOneEmailToTheCustomerAndCreatesOneNotification() throws Exception {
		Map<String, Object> confirmed = event("OrderConfirmed");
		publish(confirmed);
		await(() -> notifications(confirmed) == 1 && mailsTo(confirmed).size() == 1);
		// a later event of the same order shares its partition, so once it is handled the first
		// one is finished: nothing more can arrive for it
		Map<String, Object> placedAfter = event("OrderPlaced", orderId(confirmed), email(confirmed));
		publish(placedAfter);
		await(() -> notifications(placedAfter) == 1);

		List<MimeMessage> mails = mailsTo(confirmed);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		String shortId = orderId(confirmed).substring(0, 8);
		assertThat(mail.getSubject()).isEqualTo("Your Blueprint Shop order " + shortId + " is confirmed");
		assertThat(Arrays.stream(mail.getFrom()).map(Address::toString)).containsExactly(
				"Blueprint Shop <no-reply@blueprint.shop>");
		assertThat(mail.getMessageID()).isEqualTo("<" + confirmed.get("eventId") + "@blueprint.shop>");
		assertThat(part(mail, "text/plain")).contains("Hello Ada Lovelace,", "2 × Desk lamp (LAMP-1)  25.00 EUR",
				"Total: 25.00 EUR");
		assertThat(part(mail, "text/html")).contains("<td>2 ×</td>", "25.00 EUR");

		JsonNode notification = this.jdbc.sql("select title, customer_id, order_id::text from notification "
				+ "where source_event_id = cast(:id as uuid)")
			.param("id", confirmed.get("eventId"))
			.query((rs, n) -> JSON.createObjectNode()
				.put("title", rs.getString(1))
				.put("customer", rs.getString(2))
				.put("order", rs.getString(3)))
			.single();
		assertThat(notification.get("title").asString()).isEqualTo("Order " + shortId + " confirmed");
		assertThat(notification.get("customer").asString()).isEqualTo(confirmed.get("customerId"));
		assertThat(notification.get("order").asString()).isEqualTo(orderId(confirmed));
		assertThat(notification("title", placedAfter)).isEqualTo("Order " + shortId + " received");
	}

	@Test
	void anEventDeliveredTwiceSendsOneEmailAndCreatesOneNotification() {
		Map<String, Object> cancelled = event("OrderCancelled");
		cancelled.put("reason", "You cancelled it.");
		publish(cancelled);
		publish(cancelled);
		Map<String, Object> marker = event("OrderPlaced", orderId(cancelled), email(cancelled));
		publish(marker);
		await(() -> notifications(marker) == 1);
		assertThat(mailsTo(cancelled)).hasSize(1);
		assertThat(notifications(cancelled)).isOne();
		assertThat(this.jdbc.sql("select count(*) from notification where order_id = cast(:order as uuid)")
			.param("order", orderId(cancelled))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anOrderRejectedEmailGivesTheReasonAndEscapesMarkupInItsHtmlPart() throws Exception {
		Map<String, Object> rejected = event("OrderRejected");
		rejected.put("customerName", "<b>Ada</b> & Co");
		rejected.put("reasonCode", "STOCK_SHORTAGE");
		rejected.put("reason", "Desk lamp <script>alert('x')</script> is out of stock.");
		publish(rejected);
		await(() -> mailsTo(rejected).size() == 1);

		MimeMessage mail = mailsTo(rejected).get(0);
		assertThat(mail.getSubject()).contains(orderId(rejected).substring(0, 8), "could not be completed");
		assertThat(part(mail, "text/plain")).contains("Hello <b>Ada</b> & Co,",
				"Reason: Desk lamp <script>alert('x')</script> is out of stock.");
		String html = part(mail, "text/html");
		assertThat(html).contains("Hello &lt;b&gt;Ada&lt;/b&gt; &amp; Co,",
				"Desk lamp &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; is out of stock.");
		assertThat(html).doesNotContain("<script>", "<b>Ada");
		await(() -> notifications(rejected) == 1);
		assertThat(notification("body", rejected)).isEqualTo("Desk lamp <script>alert('x')</script> is out of stock.");
	}

	@Test
	void anEmailThatCannotBeSentIsRetriedParkedListedAndSentOnceByAReplayWhenSmtpIsBack() throws Exception {
		Map<String, Object> confirmed = event("OrderConfirmed");
		String eventId = (String) confirmed.get("eventId");
		JsonNode parked;
		smtp.stop();
		try (RefusingSmtp down = new RefusingSmtp(SMTP_PORT)) {
			publish(confirmed);
			parked = awaitDeadLetter(eventId, "parked");
			assertThat(down.connections()).as("the first delivery and two retries").isEqualTo(3);
			assertThat(parked.get("topic").asString()).isEqualTo("order.events");
			assertThat(parked.get("key").asString()).isEqualTo(orderId(confirmed));
			assertThat(parked.get("type").asString()).isEqualTo("OrderConfirmed");
			assertThat(parked.get("error").asString())
				.startsWith("org.springframework.mail.MailSendException: Mail server connection failed");
			assertThat(parked.get("parkedAt").asString()).isNotBlank();
			assertThat(parked.get("replayedAt").isNull()).isTrue();
			assertThat(notifications(confirmed)).as("rolled back with the failed send").isZero();

			Reply stillDown = this.http.post("/admin/dead-letters/" + parked.get("id").asLong() + "/replay",
					TestTokens.admin());
			assertThat(stillDown.status()).as(stillDown.toString()).isEqualTo(409);
			assertThat(stillDown.headers().getContentType().toString()).startsWith("application/problem+json");
			assertThat(stillDown.json().get("detail").asString()).startsWith("The replay failed: ");
			assertThat(awaitDeadLetter(eventId, "parked").get("lastReplayError").asString()).contains("Mail");
		}
		finally {
			smtp.start();
		}
		assertThat(mailsTo(confirmed)).isEmpty();

		String replay = "/admin/dead-letters/" + parked.get("id").asLong() + "/replay";
		JsonNode replayed = ok(this.http.post(replay, TestTokens.admin()));
		assertThat(replayed.get("eventId").asString()).isEqualTo(eventId);
		assertThat(replayed.get("replayedAt").asString()).isNotBlank();
		assertThat(mailsTo(confirmed)).hasSize(1);
		assertThat(notifications(confirmed)).isOne();

		Reply again = this.http.post(replay, TestTokens.admin());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("already replayed");
		assertThat(mailsTo(confirmed)).hasSize(1);
		assertThat(ids(list("replayed"))).contains(parked.get("id").asLong());
		assertThat(ids(list("parked"))).doesNotContain(parked.get("id").asLong());
		assertThat(ids(list("all"))).contains(parked.get("id").asLong());
	}

	@Test
	void aMalformedEventIsParkedAtOnceAndItsReplayFailsWithTheReason() {
		String key = UUID.randomUUID().toString();
		UUID eventId = UUID.randomUUID();
		ProducerRecord<String, String> record = new ProducerRecord<>("order.events", key, "{\"type\": \"OrderConfirmed\"");
		record.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", "OrderConfirmed".getBytes(StandardCharsets.UTF_8));
		send(record);
		JsonNode parked = awaitDeadLetter(eventId.toString(), "parked");
		assertThat(parked.get("error").asString())
			.startsWith("com.blueprintshop.defaults.messaging.PoisonMessageException: Not an order event");

		Reply replay = this.http.post("/admin/dead-letters/" + parked.get("id").asLong() + "/replay",
				TestTokens.admin());
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.json().get("detail").asString()).contains("PoisonMessageException");
	}

	@Test
	void storesEachDeadLetterThisServiceParkedOnceAndNoneOfOtherServices() {
		String key = UUID.randomUUID().toString();
		UUID theOrderServices = UUID.randomUUID();
		UUID ours = UUID.randomUUID();
		UUID last = UUID.randomUUID();
		send(deadLetter(key, theOrderServices, "order", 900));
		send(deadLetter(key, ours, "notification", 901));
		// the same dead letter again, as after a crash between the publish and its commit
		send(deadLetter(key, ours, "notification", 901));
		send(deadLetter(key, last, "notification", 902));
		awaitDeadLetter(last.toString(), "all");
		List<String> eventIds = new ArrayList<>();
		list("all").forEach((item) -> eventIds.add(item.get("eventId").asString()));
		assertThat(eventIds).containsOnlyOnce(ours.toString()).doesNotContain(theOrderServices.toString());
	}

	@Test
	void aDeadLetterThatCannotBeStoredYetIsRetriedUntilItIsStoredAndNeverParkedAgain() {
		Counter failures = this.meters.get("shop.dead-letters.store.failures").counter();
		double before = failures.count();
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql("alter table dead_letter rename to dead_letter_away").update();
		try {
			send(deadLetter(UUID.randomUUID().toString(), eventId, "notification", 903));
			await(() -> failures.count() >= before + 3);
		}
		finally {
			this.jdbc.sql("alter table dead_letter_away rename to dead_letter").update();
		}
		awaitDeadLetter(eventId.toString(), "all");
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.broker.getBrokersAsString()))) {
			// nothing parks a dead letter further: there is no dead-letter topic of dead letters at all
			assertThat(admin.listTopics().names().get()).contains("order.events.dlt")
				.doesNotContain("order.events.dlt.dlt");
		}
		catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void listingAndReplayingDeadLettersIsForStaff() {
		assertThat(this.http.get("/admin/dead-letters", null).status()).isEqualTo(401);
		assertThat(this.http.get("/admin/dead-letters", TestTokens.customer("customer-1")).status())
			.isEqualTo(403);
		assertThat(this.http.post("/admin/dead-letters/1/replay", TestTokens.customer("customer-1")).status())
			.isEqualTo(403);
		String admin = TestTokens.admin();
		Reply unknown = this.http.post("/admin/dead-letters/999999/replay", admin);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.headers().getContentType().toString()).startsWith("application/problem+json");
		Reply badState = this.http.get("/admin/dead-letters?state=lost", admin);
		assertThat(badState.status()).isEqualTo(400);
		assertThat(badState.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
		assertThat(this.http.get("/admin/dead-letters?limit=101", admin).status()).isEqualTo(400);
		assertThat(this.http.get("/admin/dead-letters?limit=0", admin).status()).isEqualTo(400);
		assertThat(this.http.post("/admin/dead-letters/abc/replay", admin).status()).isEqualTo(400);
	}

	// --- order events as the order service publishes them (docs/messaging.md)

	private static Map<String, Object> event(String type) {
		return event(type, UUID.randomUUID().toString(), "shopper-" + UUID.randomUUID() + "@example.com");
	}

	private static Map<String, Object> event(String type, String orderId, String email) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("type", type);
		event.put("occurredAt", "2026-12-01T10:00:00Z");
		event.put("orderId", orderId);
		event.put("customerId", "customer-" + orderId);
		event.put("customerEmail", email);
		event.put("customerName", "Ada Lovelace");
		if (type.equals("OrderPlaced") || type.equals("OrderConfirmed")) {
			event.put("lines", List.of(Map.of("sku", "LAMP-1", "productId", UUID.randomUUID().toString(),
					"productName", "Desk lamp", "quantity", 2, "unitPrice", Map.of("amount", 12.50, "currency", "EUR"))));
			event.put("total", Map.of("amount", 25.00, "currency", "EUR"));
		}
		return event;
	}

	private void publish(Map<String, Object> event) {
		ProducerRecord<String, String> record = new ProducerRecord<>("order.events", orderId(event),
				JSON.writeValueAsString(event));
		record.headers().add("event-id", ((String) event.get("eventId")).getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", ((String) event.get("type")).getBytes(StandardCharsets.UTF_8));
		send(record);
	}

	/** A record on order.events.dlt as a consumer group's error handler parks it. */
	private static ProducerRecord<String, String> deadLetter(String key, UUID eventId, String group, long offset) {
		ProducerRecord<String, String> record = new ProducerRecord<>("order.events.dlt", key,
				"{\"eventId\":\"" + eventId + "\",\"type\":\"OrderPlaced\"}");
		record.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "order.events".getBytes(StandardCharsets.UTF_8));
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array());
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
		record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static void send(ProducerRecord<String, String> record) {
		try {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String orderId(Map<String, Object> event) {
		return (String) event.get("orderId");
	}

	private static String email(Map<String, Object> event) {
		return (String) event.get("customerEmail");
	}

	// --- what came out

	private long notifications(Map<String, Object> event) {
		return this.jdbc.sql("select count(*) from notification where source_event_id = cast(:id as uuid)")
			.param("id", event.get("eventId"))
			.query(Long.class)
			.single();
	}

	private String notification(String column, Map<String, Object> event) {
		return this.jdbc.sql("select " + column + " from notification where source_event_id = cast(:id as uuid)")
			.param("id", event.get("eventId"))
			.query(String.class)
			.single();
	}

	private static List<MimeMessage> mailsTo(Map<String, Object> event) {
		String address = email(event);
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				Address[] to = message.getAllRecipients();
				if (to != null && Arrays.stream(to).anyMatch((a) -> a.toString().equals(address))) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	/** The first body part of the given type, found however deep the multiparts nest. */
	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private JsonNode list(String state) {
		return ok(this.http.get("/admin/dead-letters?state=" + state + "&limit=100", TestTokens.admin()));
	}

	private static List<Long> ids(JsonNode items) {
		List<Long> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private JsonNode awaitDeadLetter(String eventId, String state) {
		JsonNode[] found = new JsonNode[1];
		await(() -> {
			for (JsonNode item : list(state)) {
				if (eventId.equals(item.path("eventId").asString(null))) {
					found[0] = item;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	private static void await(java.util.concurrent.Callable<Boolean> condition) {
		Awaitility.await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(condition);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The SMTP port while the mail server is down: it accepts each connection and closes it at
	 * once, before the greeting, and counts them.
	 */
	static final class RefusingSmtp implements AutoCloseable {

		private final ServerSocket socket;

		private final AtomicInteger connections = new AtomicInteger();

		private final Thread acceptor;

		RefusingSmtp(int port) throws IOException {
			this.socket = new ServerSocket();
			this.socket.setReuseAddress(true);
			this.socket.bind(new InetSocketAddress("127.0.0.1", port));
			this.acceptor = Thread.ofVirtual().start(() -> {
				while (!this.socket.isClosed()) {
					try (Socket connection = this.socket.accept()) {
						this.connections.incrementAndGet();
					}
					catch (IOException ex) {
						// closed: the server is coming back
					}
				}
			});
		}

		int connections() {
			return this.connections.get();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			try {
				this.acceptor.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
