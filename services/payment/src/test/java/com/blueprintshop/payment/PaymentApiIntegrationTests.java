package com.blueprintshop.payment;

import static com.blueprintshop.defaults.TestHttp.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
import com.blueprintshop.payment.payment.PaymentCommand.AuthorizePayment;
import com.blueprintshop.payment.payment.PaymentCommands;
import com.blueprintshop.payment.simulator.SimulatorSettingsStore;
import com.blueprintshop.payment.system.Money;

/**
 * The HTTP API against the machine's PostgreSQL (a throw-away database): tokenization with its
 * validation, and the staff endpoints behind role ADMIN. No broker is needed for any of it (the
 * bootstrap address refuses connections); the clock stands at mid-June 2030.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9" })
@Import({ TestTokens.Decoder.class, PaymentApiIntegrationTests.StoppedClock.class })
@DirtiesContext
class PaymentApiIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_payment_api_test");

	private static final String NUMBER = "4242424242424242";

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

	@Autowired
	SimulatorSettingsStore settings;

	@Autowired
	PaymentCommands commands;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@AfterEach
	void resetProvider() {
		this.settings.change(0, BigDecimal.ZERO, false);
	}

	@Test
	void tokenizesACardAndKeepsNothingOfItButTheTokenItsBrandAndLastFourDigits() {
		Reply reply = this.http.post("/cards/tokens", TestTokens.customer(), card("4242 4242 4242 4242", 6, 2030, "123"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode token = reply.json();
		assertThat(token.get("token").asString()).matches("tok_[A-Za-z0-9]{24}");
		assertThat(token.get("last4").asString()).isEqualTo("4242");
		assertThat(token.get("brand").asString()).isEqualTo("VISA");
		assertThat(token.properties()).hasSize(3);

		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE'
				""").query(String.class).list();
		assertThat(tables).contains("payment", "simulated_provider_card");
		for (String table : tables) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " t where t::text like :number")
				.param("number", "%" + NUMBER + "%")
				.query(Long.class)
				.single()).as("rows of %s holding the card number", table).isZero();
		}
		assertThat(this.jdbc.sql("select brand from simulated_provider_card where token = :token")
			.param("token", token.get("token").asString())
			.query(String.class)
			.single()).isEqualTo("VISA");
	}

	@Test
	void namesTheFieldOfEachValidationError() {
		assertInvalid(card("4242 4242 4242 4241", 6, 2030, "123"), "number");
		assertInvalid(card("4242-4242-4242-4242", 6, 2030, "123"), "number");
		assertInvalid(card("79927398713", 6, 2030, "123"), "number");
		assertInvalid(card(NUMBER, 13, 2030, "123"), "expiryMonth");
		assertInvalid(card(NUMBER, 5, 2030, "123"), "expiryMonth");
		assertInvalid(card(NUMBER, 12, 2029, "123"), "expiryYear");
		assertInvalid(card(NUMBER, 6, 2030, "12"), "cvc");
		assertInvalid("{}", "number", "expiryMonth", "expiryYear", "cvc");
		assertInvalid(card("4242 4242 4242 4241", 0, 2029, "12345"), "number", "expiryMonth", "expiryYear", "cvc");
	}

	@Test
	void refusesTokenizationWithoutASignedInUserAndWhenTheProviderIsOut() {
		assertThat(this.http.post("/cards/tokens", null, card(NUMBER, 6, 2030, "123")).status()).isEqualTo(401);

		this.settings.change(0, BigDecimal.ZERO, true);
		Reply out = this.http.post("/cards/tokens", TestTokens.customer(), card(NUMBER, 6, 2030, "123"));
		assertThat(out.status()).isEqualTo(503);
		assertThat(out.headers().getFirst("Retry-After")).isEqualTo("5");
		assertThat(out.headers().getContentType().toString()).startsWith("application/problem+json");
	}

	@Test
	void letsOnlyStaffSeeAndChangeTheProviderSettings() {
		Reply anonymous = this.http.get("/admin/provider", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(this.http.get("/admin/provider", TestTokens.customer()).status()).isEqualTo(403);
		assertThat(this.http.put("/admin/provider", TestTokens.customer(), settings(0, 0.5, false)).status())
			.isEqualTo(403);

		Reply current = this.http.get("/admin/provider", TestTokens.admin());
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.json().get("latencyMs").asInt()).isZero();
		assertThat(current.json().get("declineRate").asDouble()).isZero();
		assertThat(current.json().get("outage").asBoolean()).isFalse();

		Reply changed = this.http.put("/admin/provider", TestTokens.admin(), settings(250, 0.25, true));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		JsonNode after = this.http.get("/admin/provider", TestTokens.admin()).json();
		assertThat(after.get("latencyMs").asInt()).isEqualTo(250);
		assertThat(after.get("declineRate").asDouble()).isEqualTo(0.25);
		assertThat(after.get("outage").asBoolean()).isTrue();
	}

	@Test
	void refusesProviderSettingsOutOfRangeNamingTheField() {
		Reply rate = this.http.put("/admin/provider", TestTokens.admin(), settings(0, 1.5, false));
		assertThat(rate.status()).isEqualTo(400);
		assertThat(fields(rate.json())).containsExactly("declineRate");

		Reply latency = this.http.put("/admin/provider", TestTokens.admin(), settings(60_001, 0.0, false));
		assertThat(latency.status()).isEqualTo(400);
		assertThat(fields(latency.json())).containsExactly("latencyMs");

		Reply missing = this.http.put("/admin/provider", TestTokens.admin(), "{}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fields(missing.json())).containsExactlyInAnyOrder("latencyMs", "declineRate", "outage");
		assertThat(this.http.get("/admin/provider", TestTokens.admin()).json().get("declineRate").asDouble()).isZero();
	}

	@Test
	void anotherInstanceSeesAChangedSettingOnceItsCopyIsASecondOld() {
		SimulatorSettingsStore otherInstance = new SimulatorSettingsStore(this.jdbc, this.clock, Duration.ofSeconds(1));
		assertThat(otherInstance.get().outage()).isFalse();

		assertThat(this.http.put("/admin/provider", TestTokens.admin(), settings(0, 0.0, true)).status())
			.isEqualTo(200);
		assertThat(this.settings.get().outage()).as("the instance that took the change").isTrue();
		assertThat(otherInstance.get().outage()).as("another instance, within the second").isFalse();

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(otherInstance.get().outage()).isTrue();
	}

	@Test
	void showsStaffTheRecordedPaymentsOfAnOrderWithoutTheFullToken() {
		String token = this.http.post("/cards/tokens", TestTokens.customer(), card(NUMBER, 6, 2030, "123"))
			.json()
			.get("token")
			.asString();
		UUID orderId = UUID.randomUUID();
		this.commands.handle(new AuthorizePayment(UUID.randomUUID(), this.clock.instant(), orderId,
				new Money(new BigDecimal("42.00"), "EUR"), token, "4242"));

		String path = "/admin/payments?orderId=" + orderId;
		assertThat(this.http.get(path, null).status()).isEqualTo(401);
		assertThat(this.http.get(path, TestTokens.customer()).status()).isEqualTo(403);
		Reply reply = this.http.get(path, TestTokens.admin());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).doesNotContain(token);
		JsonNode payment = reply.json().get(0);
		assertThat(reply.json().size()).isOne();
		assertThat(payment.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(payment.get("amount").get("amount").decimalValue()).isEqualByComparingTo("42.00");
		assertThat(payment.get("amount").get("currency").asString()).isEqualTo("EUR");
		assertThat(payment.get("cardLast4").asString()).isEqualTo("4242");
		assertThat(payment.get("cardTokenPrefix").asString()).isEqualTo(token.substring(0, 8));
		assertThat(payment.get("authorizationCode").asString()).matches("[A-Z0-9]{6}");

		assertThat(this.http.get("/admin/payments?orderId=" + UUID.randomUUID(), TestTokens.admin()).json().size())
			.isZero();
		Reply missing = this.http.get("/admin/payments", TestTokens.admin());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fields(missing.json())).containsExactly("orderId");
		Reply malformed = this.http.get("/admin/payments?orderId=order-1", TestTokens.admin());
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(fields(malformed.json())).containsExactly("orderId");
	}

	@Test
	void publishesItsOpenApiDocumentWithoutAToken() {
		Reply reply = this.http.get("/v3/api-docs", null);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("paths").propertyNames()).contains("/cards/tokens", "/admin/provider",
				"/admin/payments");
	}

	private void assertInvalid(String body, String... names) {
		Reply reply = this.http.post("/cards/tokens", TestTokens.customer(), body);
		assertThat(reply.status()).as(body).isEqualTo(400);
		assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(fields(reply.json())).as(body).containsExactly(names);
		assertThat(reply.body()).doesNotContain(NUMBER);
	}

	private static String card(String number, int month, int year, String cvc) {
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("number", number);
		card.put("expiryMonth", month);
		card.put("expiryYear", year);
		card.put("cvc", cvc);
		return TestHttp.json(card);
	}

	private static String settings(int latencyMs, double declineRate, boolean outage) {
		return TestHttp.json(Map.of("latencyMs", latencyMs, "declineRate", declineRate, "outage", outage));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StoppedClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2030-06-15T10:00:00Z"));
		}

	}

}
