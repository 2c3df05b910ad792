package com.blueprintshop.order.order;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the requests waiting for an order's status to change. Every status change notifies the
 * PostgreSQL channel {@code order_status} with the order id (at commit); one connection per
 * instance LISTENs on it, so a change made by any instance of the service wakes the waiters on
 * all of them without anyone polling. If the connection breaks, waiters fall back to their own
 * timeout and the listener reconnects.
 */
@Component
public class StatusNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusNotifications.class);

	private static final Duration RECONNECT = Duration.ofSeconds(2);

	private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final String url;

	private final String username;

	private final String password;

	private volatile Thread thread;

	StatusNotifications(@Value("${spring.datasource.url}") String url,
			@Value("${spring.datasource.username:}") String username,
			@Value("${spring.datasource.password:}") String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	/** A future completed at the next change of this order's status (the caller must {@link #forget} it). */
	public CompletableFuture<Void> next(UUID orderId) {
		CompletableFuture<Void> change = new CompletableFuture<>();
		this.waiting.computeIfAbsent(orderId, (id) -> ConcurrentHashMap.newKeySet()).add(change);
		return change;
	}

	public void forget(UUID orderId, CompletableFuture<Void> change) {
		this.waiting.computeIfPresent(orderId, (id, set) -> {
			set.remove(change);
			return set.isEmpty() ? null : set;
		});
	}

	@Override
	public void start() {
		this.thread = Thread.ofPlatform().daemon().name("order-status-listener").start(this::listen);
	}

	@Override
	public void stop() {
		this.stopped.countDown();
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null && this.stopped.getCount() > 0;
	}

	private void listen() {
		boolean warned = false;
		while (this.stopped.getCount() > 0) {
			try (Connection connection = DriverManager.getConnection(this.url, this.username, this.password)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + OrderRepository.STATUS_CHANNEL);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				warned = false;
				while (this.stopped.getCount() > 0) {
					PGNotification[] received = notifications.getNotifications(1000);
					if (received != null) {
						for (PGNotification notification : received) {
							wake(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.stopped.getCount() == 0) {
					return;
				}
				if (!warned) {
					warned = true;
					log.warn("Listening for order status changes failed; reconnecting: {}", ex.toString());
				}
			}
			try {
				if (this.stopped.await(RECONNECT.toMillis(), TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void wake(String orderId) {
		UUID id;
		try {
			id = UUID.fromString(orderId);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		Set<CompletableFuture<Void>> futures = this.waiting.remove(id);
		if (futures != null) {
			futures.forEach((future) -> future.complete(null));
		}
	}

}
