package com.blueprintshop.inventory.reservation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.inventory.reservation.Line;
import com.blueprintshop.inventory.reservation.Replies.Reply;
import com.blueprintshop.inventory.reservation.Reservations;
import com.blueprintshop.inventory.system.ApiException;

/**
 * The saga's three inventory commands over REST, for the order service's synchronous checkout
 * (the perf lab's ablation of asynchronous checkout, {@code shop.order.checkout.mode=sync}). Each
 * runs exactly what the command of {@code inventory.commands} runs — {@link Reservations}, with
 * its idempotency by order id, its compare-and-swap and its {@code StockChanged} events — and
 * answers with the reply in the body (200, with its {@code type}) instead of sending it on
 * {@code inventory.replies}. A shortage is an answer, not an error.
 *
 * <p>Under {@code /internal}: no token is asked for, because only services on the private
 * network can reach it (see {@code InventoryConfiguration}); the gateway refuses the path.
 */
@RestController
class InternalReservationController {

	private final Reservations reservations;

	InternalReservationController(Reservations reservations) {
		this.reservations = reservations;
	}

	/** {@code ReserveStock}: answers {@code StockReserved} or {@code StockUnavailable}. */
	@PostMapping("/internal/reservations/{orderId}")
	Reply reserve(@PathVariable UUID orderId, @RequestBody ReserveRequest request) {
		return this.reservations.reserve(orderId, lines(request));
	}

	/** {@code CommitStock}: answers {@code StockCommitted} (or {@code StockUnavailable} for stock not held). */
	@PostMapping("/internal/reservations/{orderId}/commit")
	Reply commit(@PathVariable UUID orderId) {
		return this.reservations.commit(orderId);
	}

	/** {@code ReleaseStock}: answers {@code StockReleased}, also when the order held nothing. */
	@PostMapping("/internal/reservations/{orderId}/release")
	Reply release(@PathVariable UUID orderId) {
		return this.reservations.release(orderId);
	}

	/**
	 * Refuses what the command path parks as malformed (no lines, too many, a line without a SKU);
	 * a bad quantity or an unknown SKU is left to {@link Reservations}, which answers it with a
	 * shortage as it does for the command.
	 */
	private static List<Line> lines(ReserveRequest request) {
		if (request == null || request.lines() == null || request.lines().isEmpty()) {
			throw ApiException.invalid("lines", "must name at least one line");
		}
		if (request.lines().size() > Reservations.MAX_LINES) {
			throw ApiException.invalid("lines", "must have at most " + Reservations.MAX_LINES + " lines");
		}
		List<FieldError> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			RequestLine line = request.lines().get(i);
			if (line == null || line.sku() == null) {
				errors.add(new FieldError("lines[" + i + "].sku", "is required"));
			}
			else {
				lines.add(new Line(line.sku(), line.quantity()));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		return lines;
	}

	/** @param lines what to reserve, all or nothing */
	record ReserveRequest(List<RequestLine> lines) {
	}

	record RequestLine(String sku, Integer quantity) {
	}

}
