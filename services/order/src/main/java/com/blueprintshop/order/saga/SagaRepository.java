package com.blueprintshop.order.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sagas' state ({@code order_saga}). Locks are taken saga row first, order row second, in
 * every transaction that takes both, so two of them never wait for each other (the course's
 * lock-ordering rule for deadlocks).
 */
@Repository
class SagaRepository {

	private final JdbcClient jdbc;

	SagaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether it was inserted (false: this order's saga already exists) */
	boolean insert(SagaState state, String cardToken, Instant now) {
		return this.jdbc.sql("""
				insert into order_saga (order_id, customer_id, phase, stock_requested, payment_requested, card_token,
				                        deadline, created_at, updated_at)
				values (:order, :customer, :phase, :stock, :payment, :token, :deadline, :now, :now)
				on conflict (order_id) do nothing
				""")
			.param("order", state.orderId())
			.param("customer", state.customerId())
			.param("phase", state.phase().name())
			.param("stock", state.stockRequested())
			.param("payment", state.paymentRequested())
			.param("token", cardToken)
			.param("deadline", timestamp(state.deadline()))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** The saga, locked for the rest of the transaction. */
	Optional<Stored> lock(UUID orderId) {
		return this.jdbc.sql("select * from order_saga where order_id = :order for update")
			.param("order", orderId)
			.query(SagaRepository::stored)
			.optional();
	}

	Optional<UUID> customerOf(UUID orderId) {
		return this.jdbc.sql("select customer_id from order_saga where order_id = :order")
			.param("order", orderId)
			.query(UUID.class)
			.optional();
	}

	/** @return the state as stored now: one version on */
	SagaState save(SagaState state, Instant now) {
		int updated = this.jdbc.sql("""
				update order_saga set phase = :phase, stock_requested = :stock, payment_requested = :payment,
				                      deadline = :deadline, updated_at = :now, version = version + 1
				where order_id = :order and version = :version
				""")
			.param("phase", state.phase().name())
			.param("stock", state.stockRequested())
			.param("payment", state.paymentRequested())
			.param("deadline", timestamp(state.deadline()))
			.param("now", Timestamp.from(now))
			.param("order", state.orderId())
			.param("version", state.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Saga of order " + state.orderId() + " changed meanwhile");
		}
		return new SagaState(state.orderId(), state.customerId(), state.phase(), state.stockRequested(),
				state.paymentRequested(), state.deadline(), state.version() + 1);
	}

	/**
	 * Sagas whose current step is overdue, oldest deadline first, locked; instances sweeping at
	 * the same time skip each other's rows.
	 */
	List<Stored> overdue(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from order_saga
				where phase in ('AWAITING_STOCK', 'AWAITING_PAYMENT') and deadline <= :now
				order by deadline limit :limit for update skip locked
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(SagaRepository::stored)
			.list();
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		Timestamp deadline = rs.getTimestamp("deadline");
		SagaState state = new SagaState(rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
				Phase.valueOf(rs.getString("phase")), rs.getBoolean("stock_requested"),
				rs.getBoolean("payment_requested"), (deadline != null) ? deadline.toInstant() : null,
				rs.getLong("version"));
		return new Stored(state, rs.getString("card_token"));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/** A saga as stored, with the card token step 2 needs. */
	record Stored(SagaState state, String cardToken) {
	}

}
