package com.blueprintshop.inventory.reservation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Inbox;
import com.blueprintshop.defaults.messaging.Outbox;
import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.inventory.reservation.Replies.Reply;
import com.blueprintshop.inventory.system.Topics;

/**
 * Handles a command of {@code inventory.commands} once: the inbox row, the stock it moves and the
 * reply it sends on {@code inventory.replies} commit together, so a command delivered again (same
 * event id) does nothing. What the command does is {@link Reservations}' alone, which the internal
 * REST endpoint of the synchronous checkout calls as well; only the delivery of the reply differs.
 */
@Component
public class InventoryCommands {

	/** The inbox's name for this consumer. */
	public static final String CONSUMER = "inventory.commands";

	private final Inbox inbox;

	private final Reservations reservations;

	private final Outbox outbox;

	InventoryCommands(Inbox inbox, Reservations reservations, Outbox outbox) {
		this.inbox = inbox;
		this.reservations = reservations;
		this.outbox = outbox;
	}

	/** @return the reply sent, or empty when the command was handled before */
	@Transactional
	public Optional<Reply> handle(Command command) {
		command.check();
		if (!this.inbox.firstDelivery(CONSUMER, command.eventId())) {
			return Optional.empty();
		}
		Reply reply = switch (command.type()) {
			case Command.RESERVE -> this.reservations.reserve(command.orderId(), command.lines());
			case Command.COMMIT -> this.reservations.commit(command.orderId());
			case Command.RELEASE -> this.reservations.release(command.orderId());
			default -> throw new PoisonMessageException("Unknown command type " + command.type());
		};
		this.outbox.append(Topics.REPLIES, reply.orderId().toString(), reply.eventId(), reply.type(), reply);
		return Optional.of(reply);
	}

	/**
	 * A command as inventory reads it (the fields it uses).
	 *
	 * @param eventId unique per message
	 * @param type {@code ReserveStock}, {@code CommitStock} or {@code ReleaseStock}
	 * @param orderId the order
	 * @param lines what {@code ReserveStock} asks for
	 */
	public record Command(UUID eventId, String type, UUID orderId, List<Line> lines) {

		public static final String RESERVE = "ReserveStock";

		public static final String COMMIT = "CommitStock";

		public static final String RELEASE = "ReleaseStock";

		/** Refuses what no redelivery can make a command (lines that are merely bad get an answer). */
		void check() {
			if (this.eventId == null || this.type == null || this.orderId == null) {
				throw new PoisonMessageException("A command needs eventId, type and orderId");
			}
			if (RESERVE.equals(this.type)) {
				if (this.lines == null || this.lines.isEmpty()) {
					throw new PoisonMessageException("ReserveStock " + this.eventId + " has no lines");
				}
				if (this.lines.size() > Reservations.MAX_LINES) {
					throw new PoisonMessageException("ReserveStock " + this.eventId + " has more than "
							+ Reservations.MAX_LINES + " lines");
				}
				if (this.lines.stream().anyMatch((line) -> line == null || line.sku() == null)) {
					throw new PoisonMessageException("ReserveStock " + this.eventId + " has a line without a sku");
				}
			}
		}

	}

}
