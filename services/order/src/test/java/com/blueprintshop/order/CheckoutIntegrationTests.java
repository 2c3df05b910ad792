package com.blueprintshop.order;

import static com.blueprintshop.order.OrderTestSupport.checkout;
import static com.blueprintshop.order.OrderTestSupport.fields;
import static com.blueprintshop.order.OrderTestSupport.line;
import static com.blueprintshop.order.OrderTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.order.OrderTestSupport.Reply;
import com.blueprintshop.order.OrderTestSupport.Shopper;

/**
 * Checkout over HTTP against the machine's PostgreSQL and a stub catalog on a real port: the
 * 202 with the order and its event written together, idempotency, prices checked by catalog,
 * every kind of bad input refused with nothing written, and the partitioned tables pruned to one
 * partition for a shopper's queries. The saga is held (the relay paused) so that only checkout
 * is under test.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false" })
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestTokens.Decoder.class)
@DirtiesContext
class CheckoutIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_order_checkout_test");

	private static final StubCatalog catalog = startCatalog();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.cloud.discovery.client.simple.instances.catalog[0].uri", catalog::url);
		registry.add("shop.messaging.outbox.interval", () -> "1h");
	}

	@AfterAll
	static void stopCatalog() {
		catalog.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.blueprintshop.defaults.messaging.OutboxRelay relay;

	@Test
	void acceptsACheckoutWith202AndWritesTheOrderAndItsEventInOneGo() {
		this.relay.pause();
		Shopper shopper = Shopper.random();
		Reply accepted = place(shopper, UUID.randomUUID().toString(),
				checkout(List.of(line(StubCatalog.HEADPHONES, 2, "149.99"), line(StubCatalog.CABLE, 1, "9.50"))));
		assertThat(accepted.status()).isEqualTo(202);
		String orderId = accepted.json().get("orderId").asString();
		assertThat(accepted.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(accepted.json().get("statusUrl").asString()).isEqualTo("/orders/" + orderId);
		assertThat(accepted.raw().headers().firstValue("Location")).hasValue("/orders/" + orderId);

		Map<String, Object> row = this.jdbc.sql("select status, total_amount, customer_email, card_last4 from orders "
				+ "where customer_id = :c and id = :id")
			.param("c", shopper.id())
			.param("id", UUID.fromString(orderId))
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("total_amount").toString()).isEqualTo("309.48");
		assertThat(row.get("customer_email")).isEqualTo(shopper.email());
		assertThat(row.get("card_last4")).isEqualTo("4242");

		JsonNode event = OrderTestSupport.JSON.readTree(this.jdbc
			.sql("select payload::text from outbox where message_key = :id and event_type = 'OrderPlaced'")
			.param("id", orderId)
			.query(String.class)
			.single());
		assertThat(event.get("topic")).isNull();
		assertThat(event.get("customerId").asString()).isEqualTo(shopper.id().toString());
		assertThat(event.get("lines")).hasSize(2);
		assertThat(event.get("total").get("amount").decimalValue()).isEqualByComparingTo("309.48");
		assertThat(event.get("payment").get("cardToken").asString()).isEqualTo("tok_test_0123456789");

		Reply view = send(this.port, "GET", "/orders/" + orderId, shopper.token(), null, null);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.json().get("lines").get(0).get("lineTotal").get("amount").decimalValue())
			.isEqualByComparingTo("299.98");
		assertThat(view.json().get("cancellable").asBoolean()).isTrue();
	}

	@Test
	void theSameIdempotencyKeyCreatesOneOrderEvenWhenSentConcurrently() throws Exception {
		Shopper shopper = Shopper.random();
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = checkout(List.of(line(StubCatalog.CABLE, 1, "9.50")));
		List<Callable<Reply>> clicks = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			clicks.add(() -> place(shopper, key, body));
		}
		Set<String> ids = new HashSet<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Reply> reply : pool.invokeAll(clicks)) {
				assertThat(reply.get().status()).isEqualTo(202);
				ids.add(reply.get().json().get("orderId").asString());
			}
		}
		assertThat(ids).hasSize(1);
		assertThat(ordersOf(shopper)).isOne();
		assertThat(this.jdbc.sql("select count(*) from outbox where message_key = :id")
			.param("id", ids.iterator().next())
			.query(Long.class)
			.single()).isOne();

		Reply again = place(shopper, key, body);
		assertThat(again.json().get("orderId").asString()).isEqualTo(ids.iterator().next());
		assertThat(again.json().get("repeated").asBoolean()).isTrue();

		// a double click through the storefront tokenizes the card twice: still the same order
		Map<String, Object> retokenized = new HashMap<>(body);
		retokenized.put("payment", Map.of("cardToken", "tok_another_token_01", "cardLast4", "4242"));
		assertThat(place(shopper, key, retokenized).json().get("orderId").asString())
			.isEqualTo(ids.iterator().next());
	}

	@Test
	void aKeyReusedForADifferentOrderIsRefused() {
		Shopper shopper = Shopper.random();
		String key = UUID.randomUUID().toString();
		assertThat(place(shopper, key, checkout(List.of(line(StubCatalog.CABLE, 1, "9.50")))).status()).isEqualTo(202);
		Reply reused = place(shopper, key, checkout(List.of(line(StubCatalog.CABLE, 2, "9.50"))));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(fields(reused.json())).containsExactly("Idempotency-Key");
		assertThat(ordersOf(shopper)).isOne();
	}

	@Test
	void aPriceChangedSinceTheCartWasFilledIsAConflictListingEveryChange() {
		Shopper shopper = Shopper.random();
		catalog.price(StubCatalog.CABLE, "11.00");
		try {
			Reply conflict = place(shopper, UUID.randomUUID().toString(),
					checkout(List.of(line(StubCatalog.HEADPHONES, 1, "149.99"), line(StubCatalog.CABLE, 1, "9.50"))));
			assertThat(conflict.status()).isEqualTo(409);
			assertThat(conflict.json().get("type").asString()).endsWith("/prices-changed");
			JsonNode changes = conflict.json().get("changes");
			assertThat(changes).hasSize(1);
			assertThat(changes.get(0).get("sku").asString()).isEqualTo(StubCatalog.CABLE);
			assertThat(changes.get(0).get("was").get("amount").decimalValue()).isEqualByComparingTo("9.50");
			assertThat(changes.get(0).get("now").get("amount").decimalValue()).isEqualByComparingTo("11.00");
			assertThat(ordersOf(shopper)).isZero();

			Reply confirmed = place(shopper, UUID.randomUUID().toString(),
					checkout(List.of(line(StubCatalog.CABLE, 1, "11.00"))));
			assertThat(confirmed.status()).as("confirmed at the new price").isEqualTo(202);
		}
		finally {
			catalog.price(StubCatalog.CABLE, "9.50");
		}
	}

	@Test
	void refusesBadInputNamingEachFieldAndWritesNothing() {
		Shopper shopper = Shopper.random();
		Map<String, Object> body = new HashMap<>(checkout(List.of(line(StubCatalog.CABLE, 0, "9.50"),
				line(StubCatalog.HEADPHONES, 11, "149.99"), line(StubCatalog.HEADPHONES, 1, "149.99"),
				line("lower-case", 1, "-1"))));
		body.put("payment", Map.of("cardToken", "4242424242424242", "cardLast4", "42"));
		Reply invalid = place(shopper, UUID.randomUUID().toString(), body);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(fields(invalid.json())).contains("lines[0].quantity", "lines[3].sku", "lines[3].unitPrice.amount",
				"payment.cardToken", "payment.cardLast4");

		Reply capped = place(shopper, UUID.randomUUID().toString(), checkout(
				List.of(line(StubCatalog.HEADPHONES, 11, "149.99"), line(StubCatalog.HEADPHONES, 1, "149.99"))));
		assertThat(fields(capped.json())).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].sku");

		Map<String, Object> abroad = new HashMap<>(checkout(List.of(line(StubCatalog.CABLE, 1, "9.50"))));
		abroad.put("shippingAddress", Map.of("name", "N", "line1", "1 Main St", "city", "Springfield", "postcode",
				"12345", "country", "US"));
		assertThat(fields(place(shopper, UUID.randomUUID().toString(), abroad).json()))
			.containsExactly("shippingAddress.country");

		Reply unsold = place(shopper, UUID.randomUUID().toString(),
				checkout(List.of(line(StubCatalog.RETIRED, 1, "20.00"), line("NO-SUCH-SKU", 1, "1.00"))));
		assertThat(unsold.status()).isEqualTo(422);
		assertThat(fields(unsold.json())).containsExactly("lines[0].sku", "lines[1].sku");

		Reply noKey = place(shopper, null, checkout(List.of(line(StubCatalog.CABLE, 1, "9.50"))));
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(fields(noKey.json())).containsExactly("Idempotency-Key");

		Reply notJson = send(this.port, "POST", "/orders", shopper.token(), "k", "not an order");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(ordersOf(shopper)).isZero();
	}

	@Test
	void answers503WhenCatalogCannotPriceTheOrder() {
		Shopper shopper = Shopper.random();
		catalog.down(true);
		try {
			Reply unavailable = place(shopper, UUID.randomUUID().toString(),
					checkout(List.of(line(StubCatalog.CABLE, 1, "9.50"))));
			assertThat(unavailable.status()).isEqualTo(503);
			assertThat(unavailable.raw().headers().firstValue("Retry-After")).isPresent();
			assertThat(ordersOf(shopper)).isZero();
		}
		finally {
			catalog.down(false);
		}
	}

	@Test
	void onlyAShoppersOwnTokenPlacesAndReadsTheirOrders() {
		Map<String, Object> body = checkout(List.of(line(StubCatalog.CABLE, 1, "9.50")));
		assertThat(send(this.port, "POST", "/orders", null, "k", body).status()).isEqualTo(401);
		assertThat(send(this.port, "POST", "/orders", TestTokens.expired(List.of("CUSTOMER")), "k", body).status())
			.isEqualTo(401);
		String client = TestTokens.forClient("storefront", List.of("users.register"));
		assertThat(send(this.port, "POST", "/orders", client, "k", body).status()).isEqualTo(403);

		Shopper owner = Shopper.random();
		String orderId = place(owner, UUID.randomUUID().toString(), body).json().get("orderId").asString();
		Shopper other = Shopper.random();
		assertThat(send(this.port, "GET", "/orders/" + orderId, other.token(), null, null).status()).isEqualTo(404);
		assertThat(send(this.port, "POST", "/orders/" + orderId + "/cancel", other.token(), null, null).status())
			.isEqualTo(404);
		assertThat(send(this.port, "POST", "/admin/orders/" + orderId + "/ship", owner.token(), null, null).status())
			.isEqualTo(403);
	}

	@Test
	void aShoppersStatusAndHistoryReadOnePartition() {
		Shopper shopper = Shopper.random();
		String orderId = place(shopper, UUID.randomUUID().toString(),
				checkout(List.of(line(StubCatalog.CABLE, 1, "9.50")))).json().get("orderId").asString();
		String status = plan("explain select status from orders where customer_id = '" + shopper.id() + "' and id = '"
				+ orderId + "'");
		String history = plan("explain select * from orders where customer_id = '" + shopper.id()
				+ "' order by created_at desc, id desc limit 20");
		for (String plan : List.of(status, history)) {
			assertThat(java.util.regex.Pattern.compile("\\borders_p\\d\\b").matcher(plan).results().map((m) -> m.group())
				.distinct()).as(plan).hasSize(1);
		}
		Reply page = send(this.port, "GET", "/orders?page=1&size=5", shopper.token(), null, null);
		assertThat(page.json().get("items")).hasSize(1);
		assertThat(page.json().get("totalItems").asLong()).isOne();
		assertThat(send(this.port, "GET", "/orders?size=51", shopper.token(), null, null).status()).isEqualTo(400);
	}

	@Test
	void aStatusWaitAnswersAtOnceWhenTheStatusAlreadyDiffers() {
		Shopper shopper = Shopper.random();
		String orderId = place(shopper, UUID.randomUUID().toString(),
				checkout(List.of(line(StubCatalog.CABLE, 1, "9.50")))).json().get("orderId").asString();
		Reply now = send(this.port, "GET", "/orders/" + orderId + "/status?unlike=CONFIRMED&wait=20", shopper.token(),
				null, null);
		assertThat(now.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(send(this.port, "GET", "/orders/" + orderId + "/status?wait=999", shopper.token(), null, null)
			.status()).isEqualTo(400);
		assertThat(send(this.port, "GET", "/orders/" + orderId + "/status?unlike=LOST", shopper.token(), null, null)
			.status()).isEqualTo(400);
	}

	private Reply place(Shopper shopper, String key, Object body) {
		return send(this.port, "POST", "/orders", shopper.token(), key, body);
	}

	private long ordersOf(Shopper shopper) {
		return this.jdbc.sql("select count(*) from orders where customer_id = :c")
			.param("c", shopper.id())
			.query(Long.class)
			.single();
	}

	private String plan(String sql) {
		return String.join("\n", this.jdbc.sql(sql).query(String.class).list());
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
