package com.blueprintshop.payment;

import static com.blueprintshop.defaults.TestHttp.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.provider.ProviderCalls;
import com.blueprintshop.payment.simulator.SimulatorSettingsStore;

/**
 * The saga's payment commands over REST, as the synchronous checkout calls them: the cases of
 * {@link PaymentCommandsIntegrationTests}, against the machine's PostgreSQL (a throw-away
 * database) and the simulated provider, with no token and no broker. The answer is the response
 * body; nothing goes to {@code payment.replies}.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"shop.payment.provider-timeout=400ms" })
@Import({ TestTokens.Decoder.class, RecordingProvider.Config.class })
@DirtiesContext
class InternalAuthorizationApiIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_payment_internal_test");

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
	ProviderCalls provider;

	@Autowired
	RecordingProvider recording;

	@Autowired
	SimulatorSettingsStore settings;

	private TestHttp http;

	private String token;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		this.settings.change(0, BigDecimal.ZERO, false);
		this.token = this.provider.tokenize(new CardDetails("4242424242424242", YearMonth.now().plusYears(2), "123"))
			.token();
	}

	@AfterEach
	void resetProvider() {
		this.settings.change(0, BigDecimal.ZERO, false);
	}

	@Test
	void authorizesWithoutATokenAndAnswersPaymentAuthorizedInTheBody() {
		UUID orderId = UUID.randomUUID();
		Reply reply = authorize(orderId, "12.50");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode body = reply.json();
		assertThat(body.get("type").asString()).isEqualTo("PaymentAuthorized");
		assertThat(body.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(body.get("authorizationCode").asString()).matches("[A-Z0-9]{6}");
		assertThat(body.get("eventId").asString()).isNotBlank();

		Map<String, Object> row = this.jdbc.sql("select * from payment where order_id = :orderId")
			.param("orderId", orderId)
			.query()
			.singleRow();
		assertThat(row.get("id")).hasToString(body.get("paymentId").asString());
		assertThat(row.get("status")).isEqualTo("AUTHORIZED");
		assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("12.50");
		assertThat(row.get("card_token")).isEqualTo(this.token);
		assertThat(row.get("idempotency_key")).isEqualTo("authorize-" + orderId);
		assertThat(outboxRows(orderId)).as("the answer is the response, not a message").isZero();
	}

	@Test
	void aRepeatedAuthorizationGetsTheSameAnswerWithoutAskingTheProviderAgain() {
		UUID orderId = UUID.randomUUID();
		JsonNode first = authorize(orderId, "30.00").json();
		JsonNode second = authorize(orderId, "30.00").json();

		assertThat(second.get("type").asString()).isEqualTo("PaymentAuthorized");
		assertThat(second.get("paymentId")).isEqualTo(first.get("paymentId"));
		assertThat(second.get("authorizationCode")).isEqualTo(first.get("authorizationCode"));
		assertThat(this.recording.authorizations("authorize-" + orderId)).isOne();
		assertThat(count("select count(*) from payment where order_id = '" + orderId + "'")).isOne();
	}

	@Test
	void answersPaymentDeclinedWithTheProvidersReasonAndAVoidAfterItChangesNothing() {
		this.settings.change(0, BigDecimal.ONE, false);
		UUID orderId = UUID.randomUUID();
		Reply reply = authorize(orderId, "99.99");
		assertThat(reply.status()).as("a decline is an answer, not an error").isEqualTo(200);
		assertThat(reply.json().get("type").asString()).isEqualTo("PaymentDeclined");
		String reason = reply.json().get("reason").asString();
		assertThat(reason).isNotBlank().isNotEqualTo("cancelled");
		assertThat(status(orderId)).isEqualTo("DECLINED");

		Reply voided = this.http.post("/internal/authorizations/" + orderId + "/void", null);
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("type").asString()).isEqualTo("PaymentVoided");
		assertThat(status(orderId)).isEqualTo("DECLINED");
		assertThat(this.recording.voids("void-" + orderId)).isZero();
	}

	@Test
	void voidsAnAuthorizedPaymentAtTheProviderOnce() {
		UUID orderId = UUID.randomUUID();
		authorize(orderId, "20.00");

		Reply voided = this.http.post("/internal/authorizations/" + orderId + "/void", null);
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("type").asString()).isEqualTo("PaymentVoided");
		assertThat(voided.json().get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(this.http.post("/internal/authorizations/" + orderId + "/void", null).json().get("type").asString())
			.isEqualTo("PaymentVoided");

		assertThat(status(orderId)).isEqualTo("VOIDED");
		assertThat(this.recording.voids("void-" + orderId)).isOne();
		assertThat(count("select count(*) from simulated_provider_authorization where idempotency_key = 'authorize-"
				+ orderId + "' and voided_at is not null")).isOne();
		assertThat(outboxRows(orderId)).isZero();
	}

	@Test
	void aVoidBeforeTheAuthorizationLeavesATombstoneThatDeclinesItWithoutAskingTheProvider() {
		UUID orderId = UUID.randomUUID();
		assertThat(this.http.post("/internal/authorizations/" + orderId + "/void", null).json().get("type").asString())
			.isEqualTo("PaymentVoided");
		Map<String, Object> tombstone = this.jdbc.sql("select * from payment where order_id = :orderId")
			.param("orderId", orderId)
			.query()
			.singleRow();
		assertThat(tombstone.get("status")).isEqualTo("VOIDED");
		assertThat(tombstone.get("amount")).isNull();

		JsonNode late = authorize(orderId, "20.00").json();
		assertThat(late.get("type").asString()).isEqualTo("PaymentDeclined");
		assertThat(late.get("reason").asString()).isEqualTo("cancelled");
		assertThat(this.recording.authorizations("authorize-" + orderId)).isZero();
		assertThat(this.recording.voids("void-" + orderId)).isZero();
	}

	@Test
	void answers503DuringAnOutageAndTheSameRequestAuthorizesOnceTheProviderIsBack() {
		this.settings.change(0, BigDecimal.ZERO, true);
		UUID orderId = UUID.randomUUID();
		Reply out = authorize(orderId, "45.00");
		assertThat(out.status()).isEqualTo(503);
		assertThat(out.headers().getFirst("Retry-After")).isEqualTo("5");
		assertThat(out.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(status(orderId)).as("the attempt is recorded, its outcome is not").isEqualTo("PENDING");

		this.settings.change(0, BigDecimal.ZERO, false);
		assertThat(authorize(orderId, "45.00").json().get("type").asString()).isEqualTo("PaymentAuthorized");
		assertThat(status(orderId)).isEqualTo("AUTHORIZED");
		assertThat(count("select count(*) from simulated_provider_authorization where idempotency_key = 'authorize-"
				+ orderId + "'")).isOne();
	}

	@Test
	void refusesWhatTheCommandReaderWouldParkNamingEachField() {
		UUID orderId = UUID.randomUUID();
		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put("amount", Map.of("amount", new BigDecimal("0.00"), "currency", "EUR"));
		bad.put("cardToken", "not a token!");
		bad.put("cardLast4", "42");
		Reply refused = this.http.post("/internal/authorizations/" + orderId, null, TestHttp.json(bad));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused.json())).containsExactly("amount.amount", "cardToken", "cardLast4");

		Reply currency = this.http.post("/internal/authorizations/" + orderId, null,
				TestHttp.json(Map.of("amount", Map.of("amount", 5, "currency", "euro"), "cardToken", this.token,
						"cardLast4", "4242")));
		assertThat(currency.status()).isEqualTo(400);
		assertThat(fields(currency.json())).containsExactly("amount.currency");

		Reply empty = this.http.post("/internal/authorizations/" + orderId, null, "{}");
		assertThat(fields(empty.json())).containsExactly("amount.amount", "cardToken", "cardLast4");

		Reply notAnOrder = this.http.post("/internal/authorizations/order-1/void", null);
		assertThat(notAnOrder.status()).isEqualTo(400);
		assertThat(fields(notAnOrder.json())).containsExactly("orderId");

		assertThat(count("select count(*) from payment where order_id = '" + orderId + "'")).isZero();
		assertThat(this.recording.authorizations("authorize-" + orderId)).isZero();
	}

	private Reply authorize(UUID orderId, String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", Map.of("amount", new BigDecimal(amount), "currency", "EUR"));
		body.put("cardToken", this.token);
		body.put("cardLast4", "4242");
		return this.http.post("/internal/authorizations/" + orderId, null, TestHttp.json(body));
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
