package com.blueprintshop.notification.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A message this service could not handle, parked for staff to look at and replay.
 *
 * @param id its id here
 * @param topic the topic it was read from
 * @param partition its partition there
 * @param offset its offset there
 * @param key its record key (the order id), or {@code null}
 * @param eventId its event id, when it has a readable one
 * @param type its type, when it has one
 * @param payload its value, as it was
 * @param errorClass the exception the listener ended with ({@code kafka_dlt-exception-fqcn})
 * @param errorCauseClass that exception's cause ({@code kafka_dlt-exception-cause-fqcn}), or {@code null}
 * @param errorMessage what went wrong, as the error handler recorded it
 * @param parkedAt when it was stored here
 * @param replayedAt when a replay succeeded, or {@code null} while it is parked
 * @param lastReplayError why the last replay failed, or {@code null}
 */
public record DeadLetter(long id, String topic, int partition, long offset, String key, UUID eventId, String type,
		String payload, String errorClass, String errorCauseClass, String errorMessage, Instant parkedAt,
		Instant replayedAt, String lastReplayError) {

	public boolean replayed() {
		return this.replayedAt != null;
	}

	/**
	 * The error in one line: the exception that caused it (the listener's own wraps it) and the
	 * message.
	 */
	public String error() {
		return error(this.errorClass, this.errorCauseClass, this.errorMessage);
	}

	/** What {@link #error()} says for these dead-letter headers. */
	public static String error(String errorClass, String errorCauseClass, String errorMessage) {
		String cause = (errorCauseClass != null) ? errorCauseClass : errorClass;
		String message = withoutListenerPrefix(errorMessage);
		if (cause == null) {
			return message;
		}
		return (message != null) ? cause + ": " + message : cause;
	}

	// "Listener method '...' threw exception; <the cause's message>": only the cause's part says anything
	private static String withoutListenerPrefix(String message) {
		String marker = "' threw exception; ";
		if (message != null && message.startsWith("Listener method '") && message.contains(marker)) {
			return message.substring(message.indexOf(marker) + marker.length());
		}
		return message;
	}

}
