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
import com.blueprintshop.order.order.Customer;

@RestController
class CheckoutController {

	private final Checkout checkout;

	CheckoutController(Checkout checkout) {
		this.checkout = checkout;
	}

	/** 202: the order exists and will be processed; its status is at {@code statusUrl}. */
	@PostMapping("/orders")
	ResponseEntity<Accepted> place(@AuthenticationPrincipal Jwt token,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody CheckoutRequest request) {
		Checkout.Placed placed = this.checkout.place(Customer.of(token), idempotencyKey, request);
		URI status = URI.create("/orders/" + placed.orderId());
		return ResponseEntity.accepted()
			.location(status)
			.body(new Accepted(placed.orderId(), "PENDING", status.toString(), placed.repeated()));
	}

	/**
	 * @param orderId the order
	 * @param status its status when accepted
	 * @param statusUrl where its status can be read (relative to this service)
	 * @param repeated whether an earlier request with the same idempotency key created it
	 */
	record Accepted(UUID orderId, String status, String statusUrl, boolean repeated) {
	}

}
