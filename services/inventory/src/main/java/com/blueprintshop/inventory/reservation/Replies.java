package com.blueprintshop.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Inventory's answers, as docs/messaging.md has them: on {@code inventory.replies} (keyed by order id) for
 * a command from Kafka, or as the body of the internal REST endpoint's response.
 */
public final class Replies {

	private Replies() {
	}

	/** Any answer: what every message carries. */
	public sealed interface Reply permits StockReserved, StockUnavailable, StockCommitted, StockReleased {

		UUID eventId();

		String type();

		Instant occurredAt();

		UUID orderId();

	}

	/** Every line is held, in these warehouses (by code), until the order commits or releases it. */
	public record StockReserved(UUID eventId, String type, Instant occurredAt, UUID orderId,
			List<Reservation> reservations) implements Reply {

		public static final String TYPE = "StockReserved";

	}

	/** @param warehouse the warehouse's code */
	public record Reservation(String sku, String warehouse, int quantity) {
	}

	/** Nothing is held: these lines could not be (available 0 for unknown, retired or invalid lines). */
	public record StockUnavailable(UUID eventId, String type, Instant occurredAt, UUID orderId,
			List<Shortage> shortages) implements Reply {

		public static final String TYPE = "StockUnavailable";

	}

	public record Shortage(String sku, int requested, int available) {
	}

	/** The reservation became a sale: the units left the stock on hand and no longer expire. */
	public record StockCommitted(UUID eventId, String type, Instant occurredAt, UUID orderId) implements Reply {

		public static final String TYPE = "StockCommitted";

	}

	/** Whatever the order held (reserved or committed) is back; also sent when it held nothing. */
	public record StockReleased(UUID eventId, String type, Instant occurredAt, UUID orderId) implements Reply {

		public static final String TYPE = "StockReleased";

	}

}
