package com.blueprintshop.payment.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.blueprintshop.payment.system.Money;

@Repository
class PaymentRepository {

	private static final String COLUMNS = """
			id, order_id, idempotency_key, amount, currency, card_token, card_last4, status, authorization_code,
			reason, created_at, updated_at""";

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the payment unless the order already has one (the idempotency key is unique). */
	void insertIfAbsent(Payment payment) {
		this.jdbc.sql("""
				insert into payment (id, order_id, idempotency_key, amount, currency, card_token, card_last4, status,
				                     authorization_code, reason, created_at, updated_at)
				values (:id, :orderId, :key, :amount, :currency, :token, :last4, :status, :code, :reason, :createdAt,
				        :updatedAt)
				on conflict (idempotency_key) do nothing
				""")
			.param("id", payment.id())
			.param("orderId", payment.orderId())
			.param("key", payment.idempotencyKey())
			.param("amount", (payment.amount() != null) ? payment.amount().amount() : null, Types.NUMERIC)
			.param("currency", (payment.amount() != null) ? payment.amount().currency() : null, Types.CHAR)
			.param("token", payment.cardToken(), Types.VARCHAR)
			.param("last4", payment.cardLast4(), Types.CHAR)
			.param("status", payment.status().name())
			.param("code", payment.authorizationCode(), Types.VARCHAR)
			.param("reason", payment.reason(), Types.VARCHAR)
			.param("createdAt", Timestamp.from(payment.createdAt()))
			.param("updatedAt", Timestamp.from(payment.updatedAt()))
			.update();
	}

	/** The payment with this idempotency key, locked until the transaction ends. */
	Optional<Payment> lock(String idempotencyKey) {
		return this.jdbc.sql("select " + COLUMNS + " from payment where idempotency_key = :key for update")
			.param("key", idempotencyKey)
			.query(PaymentRepository::payment)
			.optional();
	}

	void update(Payment payment) {
		this.jdbc.sql("""
				update payment set status = :status, authorization_code = :code, reason = :reason,
				                   updated_at = :updatedAt
				where id = :id
				""")
			.param("id", payment.id())
			.param("status", payment.status().name())
			.param("code", payment.authorizationCode(), Types.VARCHAR)
			.param("reason", payment.reason(), Types.VARCHAR)
			.param("updatedAt", Timestamp.from(payment.updatedAt()))
			.update();
	}

	List<Payment> forOrder(UUID orderId) {
		return this.jdbc.sql("select " + COLUMNS + " from payment where order_id = :orderId order by created_at")
			.param("orderId", orderId)
			.query(PaymentRepository::payment)
			.list();
	}

	/** Whether {@code consumer} has already handled the message (the inbox is written by the handler). */
	boolean handled(String consumer, UUID eventId) {
		return this.jdbc.sql("select exists (select 1 from inbox where consumer = :consumer and event_id = :eventId)")
			.param("consumer", consumer)
			.param("eventId", eventId)
			.query(Boolean.class)
			.single();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("idempotency_key"), (amount != null) ? new Money(amount, rs.getString("currency")) : null,
				rs.getString("card_token"), rs.getString("card_last4"), PaymentStatus.valueOf(rs.getString("status")),
				rs.getString("authorization_code"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
