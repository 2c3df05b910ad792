package com.blueprintshop.storefront.order;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.blueprintshop.defaults.ServiceHttpClients;
import com.blueprintshop.storefront.GatewayLoadBalancing;
import com.blueprintshop.storefront.StorefrontProperties;
import com.blueprintshop.storefront.system.GatewayCalls;
import com.blueprintshop.storefront.system.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes an order's status changes to its status page as server-sent events. Each stream runs on
 * a virtual thread that long-polls the order service through the gateway
 * ({@code GET /api/order/orders/{id}/status?unlike=<status>&wait=10}, answered as soon as the
 * status differs or after the wait), sends an event on every change, and ends once the status is
 * final or after {@link OrderProperties#streamFor()}; the browser's EventSource reconnects then,
 * resuming from the last status it saw (its {@code Last-Event-ID}).
 *
 * <p>A long poll holds its connection for up to the whole wait, so these calls have a pool of
 * their own, as large as the number of streams allowed, and a read timeout longer than the wait:
 * a page full of shoppers watching their orders can never use up the connections the other pages
 * need.
 */
@Component
class OrderStatusStreams implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusStreams.class);

	/** How long the browser waits before reconnecting to a stream that ended. */
	static final Duration RECONNECT_AFTER = Duration.ofSeconds(3);

	private final OrderProperties properties;

	private final Clock clock;

	private final RestClient gateway;

	private final Semaphore streams;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	OrderStatusStreams(ServiceHttpClients clients, GatewayLoadBalancing loadBalancing, StorefrontProperties storefront,
			OrderProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.streams = new Semaphore(properties.maxStreams());
		this.gateway = clients
			.dedicatedBuilder("order-status-streams", properties.maxStreams(), properties.statusWait().plusSeconds(5))
			.requestInterceptor(loadBalancing)
			.baseUrl(storefront.gatewayUrl())
			.build();
	}

	/**
	 * Opens a stream that follows the order from what it is now.
	 * @param token the shopper's access token
	 * @param order the order as just read, which also proved it is the shopper's
	 * @param shown the status the page shows, or null: if the order has moved on from it, the
	 * first event says so at once
	 * @param ends the statuses at which the stream ends
	 * @throws TooManyStreamsException when this instance has as many streams open as it allows
	 */
	SseEmitter follow(String token, OrderDetail order, String shown, Set<String> ends) {
		if (!this.streams.tryAcquire()) {
			throw new TooManyStreamsException();
		}
		SseEmitter emitter = new SseEmitter(
				this.properties.streamFor().plus(this.properties.statusWait()).plusSeconds(10).toMillis());
		AtomicBoolean open = new AtomicBoolean(true);
		emitter.onCompletion(() -> open.set(false));
		emitter.onTimeout(() -> open.set(false));
		emitter.onError((ex) -> open.set(false));
		try {
			this.threads.execute(() -> {
				try {
					stream(emitter, open, token, order, shown, ends);
				}
				finally {
					this.streams.release();
				}
			});
		}
		catch (RuntimeException rejected) {
			this.streams.release();
			throw rejected;
		}
		return emitter;
	}

	private void stream(SseEmitter emitter, AtomicBoolean open, String token, OrderDetail order, String shown,
			Set<String> ends) {
		Instant deadline = this.clock.instant().plus(this.properties.streamFor());
		String current = order.status();
		try {
			emitter.send(SseEmitter.event().reconnectTime(RECONNECT_AFTER.toMillis()).comment("order " + order.orderId()));
			if (!current.equals(shown)) {
				send(emitter, new OrderStatus(order.orderId(), current, order.reason(), order.updatedAt()));
			}
			while (open.get() && !ends.contains(current) && this.clock.instant().isBefore(deadline)) {
				long asked = System.nanoTime();
				OrderStatus status = poll(token, order.orderId(), current);
				if (status != null && status.status() != null && !status.status().equals(current)) {
					send(emitter, status);
					current = status.status();
				}
				else {
					// a comment the page ignores: it keeps idle proxies from closing the stream, and
					// a page that was closed shows up here as a failed write, ending the polling
					emitter.send(SseEmitter.event().comment("still " + current));
					pauseAfter(asked);
				}
			}
			emitter.complete();
		}
		catch (IOException | IllegalStateException browserGone) {
			// the page was closed or reloaded: nothing left to tell
			log.debug("Order status stream for {} closed by the browser: {}", order.orderId(), browserGone.getMessage());
		}
		catch (GatewayException ex) {
			// the browser reconnects in a few seconds and the stream starts again from what it saw
			log.debug("Order status stream for {} ends early: {}", order.orderId(), ex.getMessage());
			emitter.complete();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.warn("Order status stream for {} failed: {}", order.orderId(), ex.toString());
			emitter.complete();
		}
	}

	private OrderStatus poll(String token, UUID id, String unlike) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/order/orders/{id}/status?unlike={unlike}&wait={wait}", id, unlike,
					this.properties.statusWait().toSeconds())
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(OrderStatus.class));
	}

	private static void send(SseEmitter emitter, OrderStatus status) throws IOException {
		StatusEvent event = new StatusEvent(status.orderId(), status.status(), status.reason(),
				Statuses.describe(status.status()),
				Statuses.BEYOND_CANCELLING.contains(status.status()) ? Boolean.FALSE : null, status.updatedAt());
		emitter.send(SseEmitter.event().id(status.status()).name("status").data(event, MediaType.APPLICATION_JSON));
	}

	// an order service that answers before the wait is up (or a proxy that cuts the wait short)
	// must not turn one open page into a stream of requests
	private void pauseAfter(long askedAt) throws InterruptedException {
		long left = this.properties.minPollInterval().toNanos() - (System.nanoTime() - askedAt);
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	@Override
	public void destroy() {
		// streams end with the instance; browsers reconnect to another one
		this.threads.shutdownNow();
	}

	/**
	 * What the page's script reads from an event.
	 * @param cancellable false once the order can no longer be cancelled, else null (unknown)
	 */
	record StatusEvent(UUID orderId, String status, String reason, String description, Boolean cancellable,
			Instant updatedAt) {
	}

	/** This instance has as many status streams open as it allows. */
	static class TooManyStreamsException extends RuntimeException {

		TooManyStreamsException() {
			super("Too many order status streams open");
		}

	}

}
