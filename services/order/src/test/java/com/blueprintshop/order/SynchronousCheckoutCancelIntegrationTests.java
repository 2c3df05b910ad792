package com.blueprintshop.order;

import static com.blueprintshop.order.OrderTestSupport.checkout;
import static com.blueprintshop.order.OrderTestSupport.line;
import static com.blueprintshop.order.OrderTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * A synchronous checkout whose saga is moved by someone else while the request waits on a REST
 * call: the shopper cancels while payment is still deciding. The cancellation wins; the request's
 * own decision is dropped and it answers what the saga became. No broker, as in
 * {@link SynchronousCheckoutIntegrationTests}; payment's bound is long so the test decides when it
 * answers.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"shop.order.checkout.mode=sync", "shop.order.saga.payment-timeout=30s",
				"shop.order.saga.sweep-interval=1h" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
class SynchronousCheckoutCancelIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_order_sync_cancel_test");

	private static final StubCatalog catalog;

	private static final StubSagaServices services;

	static {
		try {
			catalog = new StubCatalog();
			services = new StubSagaServices();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

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

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCancellationWhilePaymentDecidesWinsAndTheCheckoutAnswersCancelled() throws Exception {
		services.holdAuthorizations();
		Shopper shopper = Shopper.random();
		CompletableFuture<Reply> checkout = CompletableFuture.supplyAsync(() -> send(this.port, "POST", "/orders",
				shopper.token(), UUID.randomUUID().toString(), checkout(List.of(line(StubCatalog.CABLE, 1, "9.50")))));
		String order = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> services.authorizationsAsked().stream().findFirst().orElse(null), java.util.Objects::nonNull);

		Reply cancelled = send(this.port, "POST", "/orders/" + order + "/cancel", shopper.token(), null, null);
		assertThat(cancelled.status()).isEqualTo(202);
		services.answerHeldAuthorizations();

		Reply answer = checkout.get();
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().get("orderId").asString()).isEqualTo(order);
		assertThat(answer.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("select phase from order_saga where order_id = :id")
			.param("id", UUID.fromString(order))
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
		// the cancellation's compensations follow, by Kafka, whatever the request had sent by REST
		assertThat(this.jdbc.sql("select topic || ' ' || event_type from outbox where message_key = :id order by id")
			.param("id", order)
			.query(String.class)
			.list()).containsExactly("order.events OrderPlaced", "payment.commands VoidPayment",
					"inventory.commands ReleaseStock", "order.events OrderCancelled");
		assertThat(services.actions(order)).containsExactly("reserve", "authorize", "commit");
	}

}
