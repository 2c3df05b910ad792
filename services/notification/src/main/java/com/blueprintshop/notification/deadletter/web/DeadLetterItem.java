package com.blueprintshop.notification.deadletter.web;

import java.time.Instant;
import java.util.UUID;

import com.blueprintshop.notification.deadletter.DeadLetter;

/** A dead letter as the staff list shows it (without its payload). */
record DeadLetterItem(long id, String topic, String key, UUID eventId, String type, String error, Instant parkedAt,
		Instant replayedAt, String lastReplayError) {

	static DeadLetterItem of(DeadLetter letter) {
		return new DeadLetterItem(letter.id(), letter.topic(), letter.key(), letter.eventId(), letter.type(),
				letter.error(), letter.parkedAt(), letter.replayedAt(), letter.lastReplayError());
	}

}
