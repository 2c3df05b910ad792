package com.blueprintshop.order.saga;

import java.util.List;

/**
 * What the saga decided on an event: its next state, the commands to send (in this order), and
 * what becomes of the order.
 *
 * @param state the saga's state after the event
 * @param commands commands for inventory and payment
 * @param outcome the order's new status, or {@link Outcome#none()} if it stays as it is
 */
record Decision(SagaState state, List<SagaCommand> commands, Outcome outcome) {

	Decision {
		commands = List.copyOf(commands);
	}

	/** Nothing to do: a late, repeated or unexpected message. */
	static Decision ignore(SagaState state) {
		return new Decision(state, List.of(), Outcome.none());
	}

	boolean changes() {
		return !this.commands.isEmpty() || this.outcome.kind() != Outcome.Kind.NONE;
	}

	/**
	 * @param kind what happens to the order
	 * @param reasonCode why, for a rejection or a cancellation
	 * @param reason the same for the shopper
	 */
	record Outcome(Kind kind, String reasonCode, String reason) {

		enum Kind {

			NONE, CONFIRMED, REJECTED, CANCELLED

		}

		static Outcome none() {
			return new Outcome(Kind.NONE, null, null);
		}

		static Outcome confirmed() {
			return new Outcome(Kind.CONFIRMED, null, null);
		}

		static Outcome rejected(String code, String reason) {
			return new Outcome(Kind.REJECTED, code, reason);
		}

		static Outcome cancelled(String reason) {
			return new Outcome(Kind.CANCELLED, "CANCELLED_BY_CUSTOMER", reason);
		}

	}

}
