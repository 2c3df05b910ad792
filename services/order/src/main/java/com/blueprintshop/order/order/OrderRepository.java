package com.blueprintshop.order.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.blueprintshop.order.system.Money;

/**
 * Orders and their lines in the hash-partitioned tables. Every statement names the customer, so
 * PostgreSQL prunes to the one partition that holds the customer's orders; a status change also
 * notifies channel {@code order_status} (delivered at commit) for the requests waiting on it.
 */
@Repository
public class OrderRepository {

	public static final String STATUS_CHANNEL = "order_status";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OrderRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Inserts a new order with its lines, unless the customer already placed one with this
	 * idempotency key (a double click, a retried request): then nothing is written.
	 * @return whether the order was inserted
	 */
	public boolean insert(Order order, String idempotencyKey, String requestHash) {
		int inserted = this.jdbc.sql("""
				insert into orders (customer_id, id, idempotency_key, request_hash, status, customer_email,
				                    customer_name, total_amount, currency, card_last4, shipping_address,
				                    created_at, updated_at)
				values (:customer, :id, :key, :hash, :status, :email, :name, :total, :currency, :last4,
				        cast(:address as json), :createdAt, :createdAt)
				on conflict (customer_id, idempotency_key) do nothing
				""")
			.param("customer", order.customerId())
			.param("id", order.id())
			.param("key", idempotencyKey)
			.param("hash", requestHash)
			.param("status", order.status().name())
			.param("email", order.customerEmail())
			.param("name", order.customerName())
			.param("total", order.total().amount())
			.param("currency", order.total().currency())
			.param("last4", order.cardLast4())
			.param("address", this.json.writeValueAsString(order.shippingAddress()))
			.param("createdAt", Timestamp.from(order.createdAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		for (OrderLine line : order.lines()) {
			this.jdbc.sql("""
					insert into order_line (customer_id, order_id, line_no, sku, product_id, product_name, quantity, unit_price)
					values (:customer, :order, :lineNo, :sku, :product, :name, :quantity, :price)
					""")
				.param("customer", order.customerId())
				.param("order", order.id())
				.param("lineNo", line.lineNo())
				.param("sku", line.sku())
				.param("product", line.productId())
				.param("name", line.productName())
				.param("quantity", line.quantity())
				.param("price", line.unitPrice().amount())
				.update();
		}
		return true;
	}

	/** The order this customer placed with this idempotency key, and the hash of that request. */
	public Optional<Placed> findByIdempotencyKey(UUID customerId, String idempotencyKey) {
		return this.jdbc.sql("""
				select id, request_hash from orders where customer_id = :customer and idempotency_key = :key
				""")
			.param("customer", customerId)
			.param("key", idempotencyKey)
			.query((rs, n) -> new Placed(rs.getObject("id", UUID.class), rs.getString("request_hash")))
			.optional();
	}

	public Optional<Order> find(UUID customerId, UUID orderId) {
		return findOrder(customerId, orderId, "");
	}

	/** The order, locked for the rest of the transaction (status changes take this lock first). */
	public Optional<Order> lock(UUID customerId, UUID orderId) {
		return findOrder(customerId, orderId, " for update");
	}

	private Optional<Order> findOrder(UUID customerId, UUID orderId, String lock) {
		Optional<Row> row = this.jdbc.sql("select * from orders where customer_id = :customer and id = :id" + lock)
			.param("customer", customerId)
			.param("id", orderId)
			.query(this::row)
			.optional();
		return row.map((found) -> found.toOrder(lines(customerId, List.of(orderId)).getOrDefault(orderId, List.of())));
	}

	/** Whose order this is, by its id alone: staff only, as it probes every partition. */
	public Optional<UUID> customerOf(UUID orderId) {
		return this.jdbc.sql("select customer_id from orders where id = :id")
			.param("id", orderId)
			.query(UUID.class)
			.optional();
	}

	/** Just the status, for the status endpoint. */
	public Optional<StatusView> status(UUID customerId, UUID orderId) {
		return this.jdbc.sql("""
				select status, reason_code, reason, updated_at from orders where customer_id = :customer and id = :id
				""")
			.param("customer", customerId)
			.param("id", orderId)
			.query((rs, n) -> new StatusView(orderId, OrderStatus.valueOf(rs.getString("status")),
					rs.getString("reason_code"), rs.getString("reason"), rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	/**
	 * Stores a status change made by one of {@link Order}'s transitions, if nobody changed the
	 * order since it was read (optimistic locking on {@code version}), and tells the waiters.
	 */
	public Order saveStatus(Order order) {
		int updated = this.jdbc.sql("""
				update orders set status = :status, reason_code = :code, reason = :reason, updated_at = :now,
				                  version = version + 1
				where customer_id = :customer and id = :id and version = :version
				""")
			.param("status", order.status().name())
			.param("code", order.reasonCode())
			.param("reason", order.reason())
			.param("now", Timestamp.from(order.updatedAt()))
			.param("customer", order.customerId())
			.param("id", order.id())
			.param("version", order.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Order " + order.id() + " changed meanwhile");
		}
		this.jdbc.sql("select pg_notify(:channel, :id)")
			.param("channel", STATUS_CHANNEL)
			.param("id", order.id().toString())
			.query((rs, n) -> 1)
			.list();
		return new Order(order.id(), order.customerId(), order.status(), order.reasonCode(), order.reason(),
				order.customerEmail(), order.customerName(), order.lines(), order.total(), order.cardLast4(),
				order.shippingAddress(), order.createdAt(), order.updatedAt(), order.version() + 1);
	}

	/** A page of the customer's orders, newest first: one partition, one index range. */
	public List<Order> history(UUID customerId, int limit, long offset) {
		List<Row> rows = this.jdbc.sql("""
				select * from orders where customer_id = :customer
				order by created_at desc, id desc limit :limit offset :offset
				""")
			.param("customer", customerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
		Map<UUID, List<OrderLine>> lines = rows.isEmpty() ? Map.of()
				: lines(customerId, rows.stream().map(Row::id).toList());
		return rows.stream().map((row) -> row.toOrder(lines.getOrDefault(row.id(), List.of()))).toList();
	}

	public long count(UUID customerId) {
		return this.jdbc.sql("select count(*) from orders where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	private Map<UUID, List<OrderLine>> lines(UUID customerId, List<UUID> orderIds) {
		record Keyed(UUID orderId, OrderLine line) {
		}
		return this.jdbc.sql("""
				select l.order_id, l.line_no, l.sku, l.product_id, l.product_name, l.quantity, l.unit_price, o.currency
				from order_line l join orders o on o.customer_id = l.customer_id and o.id = l.order_id
				where l.customer_id = :customer and l.order_id in (:ids)
				order by l.order_id, l.line_no
				""")
			.param("customer", customerId)
			.param("ids", orderIds)
			.query((rs, n) -> new Keyed(rs.getObject("order_id", UUID.class),
					new OrderLine(rs.getInt("line_no"), rs.getString("sku"), rs.getObject("product_id", UUID.class),
							rs.getString("product_name"), rs.getInt("quantity"),
							new Money(rs.getBigDecimal("unit_price"), rs.getString("currency").trim()))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Keyed::orderId, Collectors.mapping(Keyed::line, Collectors.toList())));
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("reason_code"), rs.getString("reason"),
				rs.getString("customer_email"), rs.getString("customer_name"), rs.getBigDecimal("total_amount"),
				rs.getString("currency").trim(), rs.getString("card_last4"),
				this.json.readValue(rs.getString("shipping_address"), ShippingAddress.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

	/** An order placed earlier under the same idempotency key. */
	public record Placed(UUID orderId, String requestHash) {
	}

	/** An order's status, for the status endpoint. */
	public record StatusView(UUID orderId, OrderStatus status, String reasonCode, String reason,
			java.time.Instant updatedAt) {
	}

	private record Row(UUID id, UUID customerId, OrderStatus status, String reasonCode, String reason, String email,
			String name, BigDecimal total, String currency, String cardLast4, ShippingAddress address,
			java.time.Instant createdAt, java.time.Instant updatedAt, long version) {

		Order toOrder(List<OrderLine> lines) {
			return new Order(this.id, this.customerId, this.status, this.reasonCode, this.reason, this.email,
					this.name, lines, new Money(this.total, this.currency), this.cardLast4, this.address,
					this.createdAt, this.updatedAt, this.version);
		}

	}

}
