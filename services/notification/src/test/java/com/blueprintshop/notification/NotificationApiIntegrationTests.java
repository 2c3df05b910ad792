package com.blueprintshop.notification;

import static com.blueprintshop.defaults.TestHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestHttp.Reply;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.notification.inapp.Notifications;

/**
 * A shopper's in-app notifications over HTTP, and who may call what. There is no broker to
 * reach (the bootstrap address refuses connections) and no SMTP server: the in-app API does not
 * need either, and the service reports ready without them.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
		"spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.mail.host=127.0.0.1", "spring.mail.port=9" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
class NotificationApiIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_notification_api_test");

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void aShopperSeesOnlyTheirOwnNotificationsNewestFirst() {
		String ada = shopper();
		String bob = shopper();
		UUID order = UUID.randomUUID();
		add(ada, order, "Order placed", NOW);
		add(ada, order, "Order confirmed", NOW.plusSeconds(60));
		add(ada, UUID.randomUUID(), "Another order placed", NOW.plusSeconds(30));
		add(bob, UUID.randomUUID(), "Bob's order placed", NOW.plusSeconds(90));

		JsonNode list = ok(this.http.get("/notifications", TestTokens.customer(ada)));
		assertThat(titles(list)).containsExactly("Order confirmed", "Another order placed", "Order placed");
		JsonNode newest = list.get(0);
		assertThat(newest.get("orderId").asString()).isEqualTo(order.toString());
		assertThat(newest.get("body").asString()).isEqualTo("Order confirmed, in detail.");
		assertThat(Instant.parse(newest.get("createdAt").asString())).isEqualTo(NOW.plusSeconds(60));
		assertThat(newest.get("read").asBoolean()).isFalse();
		assertThat(UUID.fromString(newest.get("id").asString())).isNotNull();

		assertThat(titles(ok(this.http.get("/notifications?limit=2", TestTokens.customer(ada)))))
			.containsExactly("Order confirmed", "Another order placed");
		assertThat(titles(ok(this.http.get("/notifications", TestTokens.customer(bob)))))
			.containsExactly("Bob's order placed");
		assertThat(ok(this.http.get("/notifications", TestTokens.customer(shopper())))).isEmpty();
	}

	@Test
	void countsUnreadNotificationsAndMarksOneRead() {
		String ada = shopper();
		UUID first = add(ada, UUID.randomUUID(), "First", NOW);
		add(ada, UUID.randomUUID(), "Second", NOW.plusSeconds(1));
		String token = TestTokens.customer(ada);
		assertThat(ok(this.http.get("/notifications/unread-count", token)).get("unread").asLong()).isEqualTo(2);

		JsonNode read = ok(this.http.post("/notifications/" + first + "/read", token));
		assertThat(read.get("id").asString()).isEqualTo(first.toString());
		assertThat(read.get("read").asBoolean()).isTrue();
		assertThat(ok(this.http.get("/notifications/unread-count", token)).get("unread").asLong()).isOne();
		assertThat(ok(this.http.post("/notifications/" + first + "/read", token)).get("read").asBoolean()).isTrue();
		assertThat(ok(this.http.get("/notifications/unread-count", token)).get("unread").asLong()).isOne();
		JsonNode list = ok(this.http.get("/notifications", token));
		assertThat(list.get(0).get("read").asBoolean()).isFalse();
		assertThat(list.get(1).get("read").asBoolean()).isTrue();
	}

	@Test
	void anotherShoppersNotificationIsNotFound() {
		String ada = shopper();
		String bob = shopper();
		UUID bobs = add(bob, UUID.randomUUID(), "Bob's", NOW);
		Reply reply = this.http.post("/notifications/" + bobs + "/read", TestTokens.customer(ada));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(this.http.post("/notifications/" + UUID.randomUUID() + "/read", TestTokens.customer(ada)).status())
			.isEqualTo(404);
		assertThat(ok(this.http.get("/notifications/unread-count", TestTokens.customer(bob))).get("unread").asLong())
			.isOne();
	}

	@Test
	void refusesRequestsWithoutAValidToken() {
		String ada = shopper();
		UUID id = add(ada, UUID.randomUUID(), "Private", NOW);
		for (String path : List.of("/notifications", "/notifications/unread-count")) {
			Reply anonymous = this.http.get(path, null);
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.headers().getContentType().toString()).startsWith("application/problem+json");
			assertThat(this.http.get(path, TestTokens.expiredCustomer(ada)).status()).as(path).isEqualTo(401);
		}
		assertThat(this.http.post("/notifications/" + id + "/read", null).status()).isEqualTo(401);
		assertThat(ok(this.http.get("/notifications/unread-count", TestTokens.customer(ada))).get("unread").asLong())
			.isOne();
	}

	@Test
	void refusesOutOfBoundsLimitsAndMalformedIdsNamingTheField() {
		String token = TestTokens.customer(shopper());
		for (String limit : List.of("0", "51", "many")) {
			Reply reply = this.http.get("/notifications?limit=" + limit, token);
			assertThat(reply.status()).as(limit).isEqualTo(400);
			assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		}
		assertThat(this.http.get("/notifications?limit=50", token).status()).isEqualTo(200);
		Reply malformed = this.http.post("/notifications/not-a-uuid/read", token);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void deadLettersAreForStaffOnly() {
		String customer = TestTokens.customer(shopper());
		assertThat(this.http.get("/admin/dead-letters", customer).status()).isEqualTo(403);
		assertThat(this.http.post("/admin/dead-letters/1/replay", customer).status()).isEqualTo(403);
		assertThat(this.http.get("/admin/dead-letters", null).status()).isEqualTo(401);
		assertThat(ok(this.http.get("/admin/dead-letters?state=all", TestTokens.admin()))).isEmpty();
	}

	@Test
	void isReadyWithoutKafkaOrSmtp() {
		assertThat(ok(this.http.get("/actuator/health/readiness", null)).get("status").asString()).isEqualTo("UP");
		assertThat(ok(this.http.get("/actuator/health", null)).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void publishesItsApiAsAnOpenApiDocument() {
		JsonNode paths = ok(this.http.get("/v3/api-docs", null)).get("paths");
		assertThat(paths.has("/notifications")).isTrue();
		assertThat(paths.has("/notifications/unread-count")).isTrue();
		assertThat(paths.has("/notifications/{id}/read")).isTrue();
		assertThat(paths.has("/admin/dead-letters")).isTrue();
		assertThat(paths.has("/admin/dead-letters/{id}/replay")).isTrue();
	}

	private UUID add(String customer, UUID order, String title, Instant at) {
		this.transactions.executeWithoutResult((status) -> this.notifications.add(UUID.randomUUID(), customer, order,
				title, title + ", in detail.", at));
		return this.notifications.newest(customer, Notifications.MAX_LIST)
			.stream()
			.filter((n) -> n.title().equals(title))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static String shopper() {
		return "shopper-" + UUID.randomUUID();
	}

	private static List<String> titles(JsonNode list) {
		List<String> titles = new ArrayList<>();
		list.forEach((item) -> titles.add(item.get("title").asString()));
		return titles;
	}

}
