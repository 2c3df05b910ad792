package com.blueprintshop.order.order.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.order.order.Customer;
import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.OrderRepository.StatusView;
import com.blueprintshop.order.order.OrderStatus;
import com.blueprintshop.order.order.Orders;
import com.blueprintshop.order.saga.SagaCoordinator;
import com.blueprintshop.order.system.ApiException;
import com.blueprintshop.order.system.OrderProperties;
import com.blueprintshop.order.system.Page;

/** A shopper's own orders: one, the history, the status (long poll) and cancelling. */
@RestController
class OrderController {

	private final Orders orders;

	private final SagaCoordinator saga;

	private final OrderProperties properties;

	OrderController(Orders orders, SagaCoordinator saga, OrderProperties properties) {
		this.orders = orders;
		this.saga = saga;
		this.properties = properties;
	}

	@GetMapping("/orders/{id}")
	OrderView order(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return OrderView.of(this.orders.own(Customer.of(token), id));
	}

	@GetMapping("/orders")
	Page<Summary> history(@AuthenticationPrincipal Jwt token,
			@RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
		Page<Order> orders = this.orders.history(Customer.of(token), page, size);
		return new Page<>(orders.items().stream().map(Summary::of).toList(), orders.page(), orders.size(),
				orders.totalItems(), orders.totalPages());
	}

	/**
	 * The status, answered at once or — with {@code unlike} — as soon as it is something else,
	 * at the latest after {@code wait} seconds (capped by {@code shop.order.status-wait}).
	 */
	@GetMapping("/orders/{id}/status")
	StatusView status(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestParam(required = false) String unlike, @RequestParam(defaultValue = "0") @Min(0) int wait) {
		Duration bound = Duration.ofSeconds(wait);
		if (bound.compareTo(this.properties.statusWait()) > 0) {
			throw ApiException.invalid("wait", "must be at most " + this.properties.statusWait().toSeconds() + " seconds");
		}
		return this.orders.awaitStatus(Customer.of(token), id, status(unlike), bound);
	}

	@PostMapping("/orders/{id}/cancel")
	ResponseEntity<Cancelled> cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		Order cancelled = this.saga.cancel(Customer.of(token), id);
		return ResponseEntity.accepted().body(new Cancelled(cancelled.id(), cancelled.status().name()));
	}

	@PostMapping("/admin/orders/{id}/ship")
	OrderView ship(@PathVariable UUID id) {
		return OrderView.of(this.orders.ship(id));
	}

	private static OrderStatus status(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return OrderStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("unlike", "must be one of PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED");
		}
	}

	record Summary(UUID orderId, String status, com.blueprintshop.order.system.Money total, int itemCount,
			Instant createdAt) {

		static Summary of(Order order) {
			return new Summary(order.id(), order.status().name(), order.total(), order.itemCount(), order.createdAt());
		}

	}

	record Cancelled(UUID orderId, String status) {
	}

}
