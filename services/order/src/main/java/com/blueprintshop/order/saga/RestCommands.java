package com.blueprintshop.order.saga;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.blueprintshop.defaults.ServiceHttpClients;
import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.system.Money;
import com.blueprintshop.order.system.OrderProperties;

/**
 * The saga's commands as REST calls, for the synchronous checkout: the same commands that
 * {@link Commands} puts on Kafka, sent to inventory's and payment's {@code /internal} endpoints
 * directly through discovery (not through the gateway, which refuses those paths), each answered
 * with the reply of docs/messaging.md in the body. A call waits at most its step's bound
 * ({@code shop.order.saga.stock-timeout} for inventory, {@code payment-timeout} for payment): a
 * call that fails or takes longer has no answer, which the saga treats as the step's deadline.
 * Every command is idempotent by order id at the far end, so asking again is always safe.
 */
@Component
class RestCommands {

	private static final Logger log = LoggerFactory.getLogger(RestCommands.class);

	private final RestClient inventory;

	private final RestClient payment;

	RestCommands(ServiceHttpClients clients, OrderProperties properties) {
		this.inventory = bounded(clients, "inventory", properties.saga().stockTimeout());
		this.payment = bounded(clients, "payment", properties.saga().paymentTimeout());
	}

	/** The shared pool and its load balancing, with the step's bound as the read timeout. */
	private static RestClient bounded(ServiceHttpClients clients, String service, Duration bound) {
		HttpComponentsClientHttpRequestFactory requests = clients.requestFactory();
		requests.setReadTimeout(bound);
		return clients.forService(service).mutate().requestFactory(requests).build();
	}

	/** @return the answer, or empty when the call failed, took longer than its bound, or said nothing the saga knows */
	Optional<Reply> send(SagaCommand command, Order order, String cardToken) {
		UUID id = order.id();
		try {
			JsonNode answer = switch (command) {
				case RESERVE_STOCK -> this.inventory.post()
					.uri("/internal/reservations/{orderId}", id)
					.contentType(MediaType.APPLICATION_JSON)
					.body(new ReserveStock(
							order.lines().stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList()))
					.retrieve()
					.body(JsonNode.class);
				case COMMIT_STOCK -> post(this.inventory, "/internal/reservations/{orderId}/commit", id);
				case RELEASE_STOCK -> post(this.inventory, "/internal/reservations/{orderId}/release", id);
				case AUTHORIZE_PAYMENT -> this.payment.post()
					.uri("/internal/authorizations/{orderId}", id)
					.contentType(MediaType.APPLICATION_JSON)
					.body(new AuthorizePayment(order.total(), cardToken, order.cardLast4()))
					.retrieve()
					.body(JsonNode.class);
				case VOID_PAYMENT -> post(this.payment, "/internal/authorizations/{orderId}/void", id);
			};
			Reply reply = (answer != null) ? Reply.read(answer) : null;
			if (reply == null) {
				log.warn("{} for order {} was answered with nothing the saga knows", command, id);
			}
			return Optional.ofNullable(reply);
		}
		catch (RestClientException | IllegalStateException ex) {
			// IllegalStateException: the load balancer knows no instance of the service
			log.warn("{} for order {} got no answer: {}", command, id, ex.toString());
			return Optional.empty();
		}
	}

	private static JsonNode post(RestClient client, String path, UUID orderId) {
		return client.post().uri(path, orderId).retrieve().body(JsonNode.class);
	}

	/** The body of {@code POST /internal/reservations/{orderId}}. */
	record ReserveStock(List<StockLine> lines) {
	}

	record StockLine(String sku, int quantity) {
	}

	/** The body of {@code POST /internal/authorizations/{orderId}}. */
	record AuthorizePayment(Money amount, String cardToken, String cardLast4) {
	}

}
