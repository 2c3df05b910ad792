package com.blueprintshop.notification.inapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code notification} table: written by the order-event handler, read by its owner. */
@Repository
public class Notifications {

	public static final int MAX_LIST = 50;

	private static final String COLUMNS = "id, customer_id, order_id, title, body, created_at, read_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds a notification in the caller's transaction, once per source event.
	 * @return whether it was added ({@code false}: that event already has its notification)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean add(UUID sourceEventId, String customerId, UUID orderId, String title, String body,
			Instant createdAt) {
		return this.jdbc.sql("""
				insert into notification (id, source_event_id, customer_id, order_id, title, body, created_at)
				values (:id, :source, :customer, :order, :title, :body, :createdAt)
				on conflict (source_event_id) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("source", sourceEventId)
			.param("customer", customerId)
			.param("order", orderId)
			.param("title", title)
			.param("body", body)
			.param("createdAt", Timestamp.from(createdAt))
			.update() == 1;
	}

	/** The customer's newest notifications first. */
	public List<Notification> newest(String customerId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from notification where customer_id = :customer
				order by created_at desc, id desc limit :limit
				""")
			.param("customer", customerId)
			.param("limit", Math.min(limit, MAX_LIST))
			.query(Notifications::row)
			.list();
	}

	public long unread(String customerId) {
		return this.jdbc.sql("select count(*) from notification where customer_id = :customer and read_at is null")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the customer's notification read (it stays read at the first time it was marked).
	 * @return the notification, or empty when the customer has none with that id
	 */
	@Transactional
	public Optional<Notification> markRead(String customerId, UUID id) {
		return this.jdbc.sql("update notification set read_at = coalesce(read_at, :now) "
				+ "where id = :id and customer_id = :customer returning " + COLUMNS)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("customer", customerId)
			.query(Notifications::row)
			.optional();
	}

	private static Notification row(ResultSet rs, int n) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("customer_id"),
				rs.getObject("order_id", UUID.class), rs.getString("title"), rs.getString("body"),
				rs.getTimestamp("created_at").toInstant(), (readAt != null) ? readAt.toInstant() : null);
	}

}
