package com.blueprintshop.defaults.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processed-messages table that makes an at-least-once consumer idempotent. A handler asks
 * {@link #firstDelivery} in the same transaction as its effect: the id and the effect commit
 * together, so a message delivered twice (a redelivery after a crash, a relay that resent it)
 * has its effect once.
 *
 * <pre>
 * create table inbox (
 *     consumer     text not null,
 *     event_id     uuid not null,
 *     processed_at timestamptz not null default now(),
 *     primary key (consumer, event_id)
 * );
 * </pre>
 */
public class Inbox {

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that {@code consumer} handles {@code eventId} now.
	 * @return {@code true} the first time, {@code false} for a repeat (the caller then does nothing)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, UUID eventId) {
		return this.jdbc.sql("insert into inbox (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
			.param("consumer", consumer)
			.param("eventId", eventId)
			.update() == 1;
	}

}
