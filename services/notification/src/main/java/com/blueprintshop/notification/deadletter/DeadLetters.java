package com.blueprintshop.notification.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code dead_letter} table. A dead letter is stored once per original record (topic,
 * partition, offset): the dead-letter topic delivering it again, or the same record parked
 * twice, adds nothing.
 */
@Repository
public class DeadLetters {

	public static final int MAX_LIST = 100;

	private static final String COLUMNS = """
			id, topic, kafka_partition, kafka_offset, message_key, event_id, event_type, payload, error_class,
			error_cause_class, error_message, parked_at, replayed_at, last_replay_error
			""";

	private final JdbcClient jdbc;

	DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a dead-letter record says about the message it parks. */
	public record Parked(String topic, int partition, long offset, String key, UUID eventId, String type,
			String payload, String errorClass, String errorCauseClass, String errorMessage, Instant parkedAt) {
	}

	/** @return whether it was new */
	public boolean park(Parked parked) {
		return this.jdbc.sql("""
				insert into dead_letter (topic, kafka_partition, kafka_offset, message_key, event_id, event_type,
				    payload, error_class, error_cause_class, error_message, parked_at)
				values (:topic, :partition, :offset, :key, :eventId, :type, :payload, :errorClass, :errorCauseClass,
				    :errorMessage, :parkedAt)
				on conflict (topic, kafka_partition, kafka_offset) do nothing
				""")
			.param("topic", parked.topic())
			.param("partition", parked.partition())
			.param("offset", parked.offset())
			.param("key", parked.key())
			.param("eventId", parked.eventId())
			.param("type", parked.type())
			.param("payload", parked.payload())
			.param("errorClass", parked.errorClass())
			.param("errorCauseClass", parked.errorCauseClass())
			.param("errorMessage", parked.errorMessage())
			.param("parkedAt", Timestamp.from(parked.parkedAt()))
			.update() == 1;
	}

	/** Newest first. */
	public List<DeadLetter> newest(DeadLetterState state, int limit) {
		String where = switch (state) {
			case PARKED -> "where replayed_at is null";
			case REPLAYED -> "where replayed_at is not null";
			case ALL -> "";
		};
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter " + where + " order by id desc limit :limit")
			.param("limit", Math.min(limit, MAX_LIST))
			.query(DeadLetters::row)
			.list();
	}

	public Optional<DeadLetter> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter where id = :id")
			.param("id", id)
			.query(DeadLetters::row)
			.optional();
	}

	/** @return whether this call marked it (not someone else's replay before it) */
	boolean markReplayed(long id, Instant at) {
		return this.jdbc.sql("update dead_letter set replayed_at = :at where id = :id and replayed_at is null")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	void replayFailed(long id, String error) {
		this.jdbc.sql("update dead_letter set last_replay_error = :error where id = :id")
			.param("error", error)
			.param("id", id)
			.update();
	}

	private static DeadLetter row(ResultSet rs, int n) throws SQLException {
		Timestamp replayedAt = rs.getTimestamp("replayed_at");
		return new DeadLetter(rs.getLong("id"), rs.getString("topic"), rs.getInt("kafka_partition"),
				rs.getLong("kafka_offset"), rs.getString("message_key"), rs.getObject("event_id", UUID.class),
				rs.getString("event_type"), rs.getString("payload"), rs.getString("error_class"),
				rs.getString("error_cause_class"), rs.getString("error_message"),
				rs.getTimestamp("parked_at").toInstant(), (replayedAt != null) ? replayedAt.toInstant() : null,
				rs.getString("last_replay_error"));
	}

}
