package com.blueprintshop.storefront.order;

import java.util.UUID;

import com.blueprintshop.storefront.catalog.Page;
import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The order service's shopper API through the gateway ({@code /api/order/...}), every call with
 * the signed-in shopper's access token: the order service answers only about their own orders
 * (404 for anyone else's).
 */
@Component
public class OrderClient {

	private static final ParameterizedTypeReference<Page<OrderSummary>> ORDER_PAGE = new ParameterizedTypeReference<>() {
	};

	private final RestClient gateway;

	OrderClient(RestClient gateway) {
		this.gateway = gateway;
	}

	/**
	 * Places an order; the idempotency key makes a repeated request (a double click, a retry
	 * after a timeout) answer with the order the first one created instead of a second order.
	 */
	public OrderAccepted place(String token, UUID idempotencyKey, PlaceOrder order) {
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/order/orders")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("Idempotency-Key", idempotencyKey.toString());
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body(order)
			.retrieve()
			.body(OrderAccepted.class));
	}

	OrderDetail order(String token, UUID id) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/order/orders/{id}", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(OrderDetail.class));
	}

	Page<OrderSummary> orders(String token, int page, int size) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/order/orders?page={page}&size={size}", page, size)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(ORDER_PAGE));
	}

	Cancellation cancel(String token, UUID id) {
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/order/orders/{id}/cancel", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(Cancellation.class));
	}

	/** The 202 to a cancellation: the status the order has now. */
	record Cancellation(UUID orderId, String status) {
	}

}
