package com.blueprintshop.defaults.messaging;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: a message to publish is a row written in the same transaction as
 * the change it reports, so it exists exactly when that change was committed — never a change
 * without its message, never a message about a change that was rolled back. The payload is
 * {@code json}, not {@code jsonb}: it goes out byte for byte as it was written. {@link OutboxRelay}
 * sends the rows to Kafka afterwards, in the order they were written; a commit wakes it at once.
 *
 * <pre>
 * create table outbox (
 *     id          bigint generated always as identity primary key,
 *     topic       text not null,
 *     message_key text not null,
 *     event_id    uuid not null unique,
 *     event_type  text not null,
 *     payload     json not null,
 *     created_at  timestamptz not null default now(),
 *     sent_at     timestamptz
 * );
 * create index outbox_unsent_idx on outbox (id) where sent_at is null;
 * </pre>
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectProvider<OutboxRelay> relay;

	Outbox(JdbcClient jdbc, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
		this.jdbc = jdbc;
		this.json = json;
		this.relay = relay;
	}

	/**
	 * Adds a message to the caller's transaction (there must be one).
	 * @param topic the Kafka topic it goes to
	 * @param key its record key: the aggregate it is about, so that one aggregate's messages
	 * share a partition and keep their order
	 * @param eventId its unique id, which consumers deduplicate by
	 * @param type its type, also sent as the {@code event-type} header
	 * @param message the record serialised as the message's JSON value
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String topic, String key, UUID eventId, String type, Object message) {
		this.jdbc.sql("""
				insert into outbox (topic, message_key, event_id, event_type, payload)
				values (:topic, :key, :eventId, :type, cast(:payload as json))
				""")
			.param("topic", topic)
			.param("key", key)
			.param("eventId", eventId)
			.param("type", type)
			.param("payload", this.json.writeValueAsString(message))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.relay.ifAvailable(OutboxRelay::wakeUp);
				}
			});
		}
	}

}
