package com.blueprintshop.order.checkout.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.order.checkout.Checkout;
import com.blueprintshop.order.checkout.CheckoutRequest;
import com.blueprintshop.order.checkout.SynchronousCheckout;
import com.blueprintshop.order.order.Customer;
import com.blueprintshop.order.system.OrderProperties;

@RestController
class CheckoutController {

	private final Checkout checkout;

	private final SynchronousCheckout synchronous;

	private final boolean synchronousMode;

	CheckoutController(Checkout checkout, SynchronousCheckout synchronous, OrderProperties properties) {
		this.checkout = checkout;
		this.synchronous = synchronous;
		this.synchronousMode = properties.checkout().synchronous();
	}

	/**
	 * 202: the order exists and will be processed; its status is at {@code statusUrl}. With
	 * {@code shop.order.checkout.mode=sync}, 201 once the order is CONFIRMED or REJECTED.
	 */
	@PostMapping("/orders")
	ResponseEntity<Answer> place(@AuthenticationPrincipal Jwt token,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody CheckoutRequest request) {
		Customer customer = Customer.of(token);
		if (this.synchronousMode) {
			SynchronousCheckout.Done done = this.synchronous.place(customer, idempotencyKey, request);
			URI status = statusUrl(done.orderId());
			return ResponseEntity.created(status)
				.body(new Answer(done.orderId(), done.status().name(), status.toString(), done.repeated()));
		}
		Checkout.Placed placed = this.checkout.place(customer, idempotencyKey, request);
		URI status = statusUrl(placed.orderId());
		return ResponseEntity.accepted()
			.location(status)
			.body(new Answer(placed.orderId(), "PENDING", status.toString(), placed.repeated()));
	}

	private static URI statusUrl(UUID orderId) {
		return URI.create("/orders/" + orderId);
	}

	/**
	 * @param orderId the order
	 * @param status its status when answered: PENDING (asynchronous mode), CONFIRMED or REJECTED
	 * @param statusUrl where its status can be read (relative to this service)
	 * @param repeated whether an earlier request with the same idempotency key created it
	 */
	record Answer(UUID orderId, String status, String statusUrl, boolean repeated) {
	}

}
