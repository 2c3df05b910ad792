package com.blueprintshop.order.order;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.order.order.OrderRepository.StatusView;
import com.blueprintshop.order.system.ApiException;
import com.blueprintshop.order.system.Page;

/** What shoppers read about their orders, and the status wait. */
@Service
public class Orders {

	private final OrderRepository repository;

	private final StatusNotifications notifications;

	private final Clock clock;

	Orders(OrderRepository repository, StatusNotifications notifications, Clock clock) {
		this.repository = repository;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Order own(Customer customer, UUID orderId) {
		return this.repository.find(customer.id(), orderId).orElseThrow(() -> notFound(orderId));
	}

	@Transactional(readOnly = true)
	public Page<Order> history(Customer customer, int page, int size) {
		long total = this.repository.count(customer.id());
		long offset = (long) (page - 1) * size;
		return Page.of((offset < total) ? this.repository.history(customer.id(), size, offset) : java.util.List.of(),
				page, size, total);
	}

	/**
	 * The order's status once it differs from {@code unlike}, or after {@code wait} with whatever it
	 * is then: a long poll, woken by the status notification rather than by asking again. The
	 * waiter registers before it reads, so a change committed between the read and the wait is
	 * not missed.
	 */
	public StatusView awaitStatus(Customer customer, UUID orderId, OrderStatus unlike, Duration wait) {
		CompletableFuture<Void> change = this.notifications.next(orderId);
		try {
			StatusView now = status(customer, orderId);
			if (unlike == null || now.status() != unlike || wait.isZero()) {
				return now;
			}
			change.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return status(customer, orderId);
		}
		catch (TimeoutException ex) {
			return status(customer, orderId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return status(customer, orderId);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.notifications.forget(orderId, change);
		}
	}

	/** Staff mark a confirmed order shipped; from then on it cannot be cancelled. */
	@Transactional
	public Order ship(UUID orderId) {
		UUID customer = this.repository.customerOf(orderId).orElseThrow(() -> ApiException.notFound(
				"There is no order " + orderId + "."));
		Order order = this.repository.lock(customer, orderId).orElseThrow();
		if (order.status() != OrderStatus.CONFIRMED) {
			throw ApiException.conflict("Only a confirmed order can be shipped; this one is "
					+ order.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		return this.repository.saveStatus(order.markShipped(this.clock.instant()));
	}

	private StatusView status(Customer customer, UUID orderId) {
		return this.repository.status(customer.id(), orderId).orElseThrow(() -> notFound(orderId));
	}

	private static ApiException notFound(UUID orderId) {
		return ApiException.notFound("You have no order " + orderId + ".");
	}

}
