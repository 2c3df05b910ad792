package com.blueprintshop.order;

import static com.blueprintshop.order.OrderTestSupport.checkout;
import static com.blueprintshop.order.OrderTestSupport.line;
import static com.blueprintshop.order.OrderTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.order.OrderTestSupport.Reply;
import com.blueprintshop.order.OrderTestSupport.Shopper;

/**
 * Checkout with {@code shop.order.checkout.mode=sync}: the saga runs inside the request, asking
 * inventory and payment over REST (stubs on real ports, found through simple discovery), and the
 * answer is 201 with the final status. No broker at all: nothing on the checkout path needs one;
 * the order events (and any command REST could not deliver) wait in the outbox, where the tests
 * read them. The deadline sweep is held back so that only the request decides.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"shop.order.checkout.mode=sync", "shop.order.saga.stock-timeout=5s",
				"shop.order.saga.payment-timeout=1s", "shop.order.saga.sweep-interval=1h" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
class SynchronousCheckoutIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_order_sync_test");

	private static final StubCatalog catalog = start(StubCatalog::new);

	private static final StubSagaServices services = start(StubSagaServices::new);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
		String instances = "spring.cloud.discovery.client.simple.instances.";
		registry.add(instances + "catalog[0].uri", catalog::url);
		registry.add(instances + "inventory[0].uri", services::inventoryUrl);
		registry.add(instances + "payment[0].uri", services::paymentUrl);
	}

	@AfterAll
	static void stopStubs() {
		catalog.close();
		services.close();
	}

	@AfterEach
	void resetStubs() {
		services.reset();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPaidOrderIsAnswered201ConfirmedAfterReservingAuthorizingAndCommitting() {
		Shopper shopper = Shopper.random();
		Reply answer = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.HEADPHONES, 2, "149.99"));

		assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(201);
		String order = answer.json().get("orderId").asString();
		assertThat(answer.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(answer.json().get("statusUrl").asString()).isEqualTo("/orders/" + order);
		assertThat(answer.json().get("repeated").asBoolean()).isFalse();
		assertThat(answer.raw().headers().firstValue("Location")).hasValue("/orders/" + order);

		assertThat(services.actions(order)).containsExactly("reserve", "authorize", "commit");
		JsonNode reserve = services.calls(order).get(0).body();
		assertThat(reserve.get("lines").toString()).isEqualTo("[{\"sku\":\"HP-STUDIO-BLK\",\"quantity\":2}]");
		JsonNode authorize = services.calls(order).get(1).body();
		assertThat(authorize.get("amount").get("amount").decimalValue()).isEqualByComparingTo("299.98");
		assertThat(authorize.get("amount").get("currency").asString()).isEqualTo("EUR");
		assertThat(authorize.get("cardToken").asString()).isEqualTo("tok_test_0123456789");
		assertThat(authorize.get("cardLast4").asString()).isEqualTo("4242");

		assertThat(status(shopper, order)).isEqualTo("CONFIRMED");
		assertThat(sagaPhase(order)).isEqualTo("CONFIRMED");
		assertThat(outbox(order)).as("the same events as asynchronous checkout, and no command: they went by REST")
			.containsExactly("order.events OrderPlaced", "order.events OrderConfirmed");
	}

	@Test
	void aStockShortageIsAnswered201RejectedWithNothingToUndo() {
		services.stock(StubCatalog.CABLE, 1);
		Shopper shopper = Shopper.random();
		Reply answer = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.CABLE, 3, "9.50"));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().get("status").asString()).isEqualTo("REJECTED");
		String order = answer.json().get("orderId").asString();
		assertThat(services.actions(order)).containsExactly("reserve");
		JsonNode view = send(this.port, "GET", "/orders/" + order, shopper.token(), null, null).json();
		assertThat(view.get("reasonCode").asString()).isEqualTo("STOCK_SHORTAGE");
		assertThat(view.get("reason").asString()).contains(StubCatalog.CABLE).contains("1 left");
		assertThat(outbox(order)).containsExactly("order.events OrderPlaced", "order.events OrderRejected");
	}

	@Test
	void aDeclinedPaymentIsAnsweredRejectedAfterTheStockIsReleased() {
		services.decline("insufficient funds");
		Shopper shopper = Shopper.random();
		Reply answer = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.CABLE, 1, "9.50"));

		assertThat(answer.json().get("status").asString()).isEqualTo("REJECTED");
		String order = answer.json().get("orderId").asString();
		assertThat(services.actions(order)).containsExactly("reserve", "authorize", "release");
		JsonNode view = send(this.port, "GET", "/orders/" + order, shopper.token(), null, null).json();
		assertThat(view.get("reasonCode").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(view.get("reason").asString()).contains("insufficient funds");
		assertThat(outbox(order)).containsExactly("order.events OrderPlaced", "order.events OrderRejected");
	}

	@Test
	void aPaymentThatDoesNotAnswerInTimeIsRejectedVoidedAndReleased() {
		services.holdAuthorizations();
		Shopper shopper = Shopper.random();
		Reply answer = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.CABLE, 1, "9.50"));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().get("status").asString()).isEqualTo("REJECTED");
		String order = answer.json().get("orderId").asString();
		// compensations last step first: the authorization may still happen, so it is voided
		assertThat(services.actions(order)).containsExactly("reserve", "authorize", "void", "release");
		assertThat(send(this.port, "GET", "/orders/" + order, shopper.token(), null, null).json()
			.get("reasonCode")
			.asString()).isEqualTo("PAYMENT_TIMEOUT");
		assertThat(sagaPhase(order)).isEqualTo("REJECTED");
		assertThat(outbox(order)).containsExactly("order.events OrderPlaced", "order.events OrderRejected");
	}

	@Test
	void aCompensationThatCannotBeSentByRestIsLeftInTheOutboxForKafka() {
		services.decline("do not honor");
		services.releasesFail();
		Shopper shopper = Shopper.random();
		Reply answer = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.CABLE, 1, "9.50"));

		assertThat(answer.json().get("status").asString()).isEqualTo("REJECTED");
		String order = answer.json().get("orderId").asString();
		assertThat(services.actions(order)).containsExactly("reserve", "authorize", "release");
		assertThat(outbox(order)).containsExactly("order.events OrderPlaced", "inventory.commands ReleaseStock",
				"order.events OrderRejected");
	}

	@Test
	void anInventoryThatCannotBeReachedCountsAsTheStockStepsDeadline() {
		services.inventoryDown();
		Shopper shopper = Shopper.random();
		Reply answer = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.CABLE, 1, "9.50"));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().get("status").asString()).isEqualTo("REJECTED");
		String order = answer.json().get("orderId").asString();
		assertThat(services.actions(order)).containsExactly("reserve", "release");
		assertThat(send(this.port, "GET", "/orders/" + order, shopper.token(), null, null).json()
			.get("reasonCode")
			.asString()).isEqualTo("STOCK_TIMEOUT");
		// the reservation may have been made before the failure: its release goes by Kafka
		assertThat(outbox(order)).containsExactly("order.events OrderPlaced", "inventory.commands ReleaseStock",
				"order.events OrderRejected");
	}

	@Test
	void aRepeatedIdempotencyKeyAnswersTheSameOrderWithoutRunningItsSagaAgain() {
		Shopper shopper = Shopper.random();
		String key = UUID.randomUUID().toString();
		Reply first = place(shopper, key, line(StubCatalog.CABLE, 1, "9.50"));
		Reply again = place(shopper, key, line(StubCatalog.CABLE, 1, "9.50"));

		String order = first.json().get("orderId").asString();
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("orderId").asString()).isEqualTo(order);
		assertThat(again.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(again.json().get("repeated").asBoolean()).isTrue();
		assertThat(services.actions(order)).containsExactly("reserve", "authorize", "commit");
		assertThat(this.jdbc.sql("select count(*) from orders where customer_id = :c")
			.param("c", shopper.id())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aChangedPriceIsRefusedBeforeAnyServiceIsAsked() {
		Shopper shopper = Shopper.random();
		Reply refused = place(shopper, UUID.randomUUID().toString(), line(StubCatalog.CABLE, 1, "8.00"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).endsWith("/prices-changed");
		assertThat(this.jdbc.sql("select count(*) from orders where customer_id = :c")
			.param("c", shopper.id())
			.query(Long.class)
			.single()).isZero();
	}

	private Reply place(Shopper shopper, String key, Map<String, Object> line) {
		return send(this.port, "POST", "/orders", shopper.token(), key, checkout(List.of(line)));
	}

	private String status(Shopper shopper, String order) {
		return send(this.port, "GET", "/orders/" + order + "/status", shopper.token(), null, null).json()
			.get("status")
			.asString();
	}

	private String sagaPhase(String order) {
		return this.jdbc.sql("select phase from order_saga where order_id = :id")
			.param("id", UUID.fromString(order))
			.query(String.class)
			.single();
	}

	/** "topic type" of the order's outbox rows, in the order they were written. */
	private List<String> outbox(String order) {
		return this.jdbc.sql("select topic || ' ' || event_type from outbox where message_key = :id order by id")
			.param("id", order)
			.query(String.class)
			.list();
	}

	private interface Starter<T> {

		T start() throws IOException;

	}

	private static <T> T start(Starter<T> starter) {
		try {
			return starter.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
