package com.blueprintshop.notification.deadletter;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.blueprintshop.notification.order.OrderEventHandler;
import com.blueprintshop.notification.system.ApiException;
import com.blueprintshop.notification.system.Texts;

/**
 * Runs a parked message through its handler again, now and in this process (not back through
 * Kafka, where it would queue behind the partition). The handler's inbox makes it safe: a
 * message that was handled meanwhile — a redelivery, a concurrent replay — does nothing more.
 * No transaction spans the replay; the handler has its own, and the outcome is recorded after.
 */
@Service
public class DeadLetterReplay {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

	private static final int MAX_ERROR = 1000;

	private final DeadLetters deadLetters;

	private final OrderEventHandler handler;

	private final Clock clock;

	DeadLetterReplay(DeadLetters deadLetters, OrderEventHandler handler, Clock clock) {
		this.deadLetters = deadLetters;
		this.handler = handler;
		this.clock = clock;
	}

	/**
	 * @return the dead letter, marked replayed
	 * @throws ApiException 404 for an unknown id, 409 when it was replayed before or the
	 * handler failed again (the reason is recorded as its last replay error)
	 */
	public DeadLetter replay(long id) {
		DeadLetter letter = this.deadLetters.find(id)
			.orElseThrow(() -> ApiException.notFound("There is no dead letter " + id + "."));
		if (letter.replayed()) {
			throw alreadyReplayed(letter);
		}
		try {
			this.handler.handle(letter.payload());
		}
		catch (RuntimeException ex) {
			String reason = describe(ex);
			log.warn("Replaying dead letter {} (event {}) failed: {}", id, letter.eventId(), reason);
			this.deadLetters.replayFailed(id, reason);
			throw ApiException.conflict("The replay failed: " + reason);
		}
		if (!this.deadLetters.markReplayed(id, this.clock.instant())) {
			throw alreadyReplayed(this.deadLetters.find(id).orElse(letter));
		}
		return this.deadLetters.find(id).orElseThrow();
	}

	private static ApiException alreadyReplayed(DeadLetter letter) {
		return ApiException.conflict("Dead letter " + letter.id() + " was already replayed"
				+ ((letter.replayedAt() != null) ? " at " + letter.replayedAt() : "") + ".");
	}

	/**
	 * The exception as "Class: message", followed by each cause that adds something (mail and
	 * JSON exceptions repeat their cause's message, or its start, in their own).
	 */
	static String describe(Throwable ex) {
		StringBuilder reason = new StringBuilder();
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 5; cause = cause.getCause(), depth++) {
			String message = (cause.getMessage() != null) ? cause.getMessage() : "";
			if (depth > 0 && reason.indexOf(message.substring(0, Math.min(60, message.length()))) >= 0) {
				continue;
			}
			if (depth > 0) {
				reason.append(" <- ");
			}
			reason.append(cause.getClass().getSimpleName());
			if (!message.isEmpty()) {
				reason.append(": ").append(message);
			}
		}
		return Texts.clean(reason.toString().replaceAll("\\s+", " "), MAX_ERROR);
	}

}
