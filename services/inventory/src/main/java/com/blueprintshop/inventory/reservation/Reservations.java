package com.blueprintshop.inventory.reservation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.inventory.reservation.Allocation.Piece;
import com.blueprintshop.inventory.reservation.Replies.Reply;
import com.blueprintshop.inventory.reservation.Replies.Reservation;
import com.blueprintshop.inventory.reservation.Replies.Shortage;
import com.blueprintshop.inventory.reservation.Replies.StockCommitted;
import com.blueprintshop.inventory.reservation.Replies.StockReleased;
import com.blueprintshop.inventory.reservation.Replies.StockReserved;
import com.blueprintshop.inventory.reservation.Replies.StockUnavailable;
import com.blueprintshop.inventory.stock.StockContention;
import com.blueprintshop.inventory.stock.StockEvents;
import com.blueprintshop.inventory.stock.StockRow;
import com.blueprintshop.inventory.stock.StockRows;
import com.blueprintshop.inventory.stock.Warehouses;
import com.blueprintshop.inventory.system.InventoryProperties;
import com.blueprintshop.inventory.system.SkuCodes;

/**
 * Holds, sells and gives back stock for orders, by optimistic concurrency: nothing is locked
 * while deciding; each stock row is changed by a compare-and-swap on the version it was read
 * with, and a row that changed meanwhile is read again and decided again, a bounded number of
 * times. Rows are always changed in (SKU, warehouse id) order, so two orders whose lines name the
 * same SKUs in opposite orders never deadlock. Each method is one transaction (or joins the
 * caller's) that also writes the {@code StockChanged} events to the outbox, and returns its reply
 * for the caller to deliver: {@link InventoryCommands} sends it on {@code inventory.replies}, the
 * internal REST endpoint answers with it. Commands for one order are serialised by an advisory
 * lock on its id: a command that comes again, by either way, finds what the first did.
 */
@Service
public class Reservations {

	/** More lines than any cart holds: a command beyond it is refused as malformed. */
	public static final int MAX_LINES = 100;

	private static final Logger log = LoggerFactory.getLogger(Reservations.class);

	/** The first key of the two-key advisory locks on order ids ("IN"): apart from other locks. */
	static final int ORDER_LOCKS = 0x494e;

	private final JdbcClient jdbc;

	private final StockRows stock;

	private final StockEvents events;

	private final Warehouses warehouses;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	private final Duration ttl;

	private final int attempts;

	Reservations(JdbcClient jdbc, StockRows stock, StockEvents events, Warehouses warehouses, JsonMapper json,
			Clock clock, PlatformTransactionManager transactions, InventoryProperties properties) {
		this.jdbc = jdbc;
		this.stock = stock;
		this.events = events;
		this.warehouses = warehouses;
		this.json = json;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.ttl = properties.reservationTtl();
		this.attempts = properties.casAttempts();
	}

	/**
	 * Reserves every line or none. A repeated command for the same order answers what the first
	 * one answered, without reserving again.
	 * @throws StockContention when a row kept changing under every attempt (deliver it again)
	 */
	@Transactional
	public Reply reserve(UUID orderId, List<Line> lines) {
		lockOrder(orderId);
		Instant now = this.clock.instant();
		Optional<OrderStock> known = orderStock(orderId);
		if (known.isPresent()) {
			return answerAgain(orderId, known.get(), lines, now);
		}
		Decision decision = hold(lines);
		Reply reply;
		if (decision.held() == null) {
			reply = new StockUnavailable(UUID.randomUUID(), StockUnavailable.TYPE, now, orderId, decision.shortages());
			saveOutcome(orderId, "UNAVAILABLE", reply, now);
		}
		else {
			insertReservations(orderId, decision.held(), now);
			List<Reservation> reservations = decision.held()
				.stream()
				.map((piece) -> new Reservation(piece.row().sku(), this.warehouses.byId(piece.row().warehouseId()).code(),
						piece.quantity()))
				.toList();
			reply = new StockReserved(UUID.randomUUID(), StockReserved.TYPE, now, orderId, reservations);
			saveOutcome(orderId, "RESERVED", reply, now);
			this.events.changed(skusOf(decision.held()));
		}
		return reply;
	}

	/**
	 * Turns what the order holds into a sale. A reservation that expired before the order
	 * committed it is taken again if the units are still there; if they are not, the answer is
	 * {@code StockUnavailable}, as it is for an order that holds nothing at all.
	 */
	@Transactional
	public Reply commit(UUID orderId) {
		lockOrder(orderId);
		Instant now = this.clock.instant();
		Optional<OrderStock> known = orderStock(orderId);
		List<Held> rows = heldBy(orderId);
		List<Held> reserved = rows.stream().filter((row) -> row.status().equals("RESERVED")).toList();
		if (reserved.isEmpty() && known.isPresent() && known.get().outcome().equals("RESERVED")) {
			List<Held> expired = rows.stream().filter((row) -> row.status().equals("EXPIRED")).toList();
			if (!expired.isEmpty()) {
				Decision again = hold(expired.stream().map((row) -> new Line(row.sku(), row.quantity())).toList());
				if (again.held() == null) {
					log.warn("Order {} commits a reservation that expired and can no longer be taken again: {}",
							orderId, again.shortages());
					return new StockUnavailable(UUID.randomUUID(), StockUnavailable.TYPE, now, orderId,
							again.shortages());
				}
				insertReservations(orderId, again.held(), now);
				reserved = again.held()
					.stream()
					.map((piece) -> new Held(piece.row().sku(), piece.row().warehouseId(), piece.quantity(), "RESERVED"))
					.toList();
			}
		}
		if (!reserved.isEmpty()) {
			for (Held row : reserved) {
				this.stock.adjust(row.sku(), row.warehouseId(), -row.quantity(), -row.quantity());
			}
			this.jdbc.sql("""
					update reservation set status = 'COMMITTED', updated_at = :now
					where order_id = :orderId and status = 'RESERVED'
					""").param("orderId", orderId).param("now", Timestamp.from(now)).update();
			setOutcome(orderId, "COMMITTED", now);
			this.events.changed(reserved.stream().map(Held::sku).toList());
		}
		else if (known.isEmpty() || !known.get().outcome().equals("COMMITTED")) {
			log.warn("Order {} commits stock it does not hold ({})", orderId,
					known.map(OrderStock::outcome).orElse("never reserved"));
			return new StockUnavailable(UUID.randomUUID(), StockUnavailable.TYPE, now, orderId, List.of());
		}
		return new StockCommitted(UUID.randomUUID(), StockCommitted.TYPE, now, orderId);
	}

	/**
	 * Gives back what the order holds: reserved units become available again, committed units
	 * (a confirmed order cancelled) go back on hand. Answered also when it held nothing, and a
	 * {@code ReserveStock} arriving after that for the same order reserves nothing.
	 */
	@Transactional
	public Reply release(UUID orderId) {
		lockOrder(orderId);
		Instant now = this.clock.instant();
		List<Held> held = heldBy(orderId).stream()
			.filter((row) -> row.status().equals("RESERVED") || row.status().equals("COMMITTED"))
			.toList();
		for (Held row : held) {
			if (row.status().equals("RESERVED")) {
				this.stock.adjust(row.sku(), row.warehouseId(), 0, -row.quantity());
			}
			else {
				this.stock.adjust(row.sku(), row.warehouseId(), row.quantity(), 0);
			}
		}
		if (!held.isEmpty()) {
			this.jdbc.sql("""
					update reservation set status = 'RELEASED', updated_at = :now
					where order_id = :orderId and status in ('RESERVED', 'COMMITTED')
					""").param("orderId", orderId).param("now", Timestamp.from(now)).update();
			this.events.changed(held.stream().map(Held::sku).toList());
		}
		this.jdbc.sql("""
				insert into order_stock (order_id, outcome, reply, created_at, updated_at)
				values (:orderId, 'RELEASED', null, :now, :now)
				on conflict (order_id) do update set outcome = 'RELEASED', updated_at = excluded.updated_at
				""").param("orderId", orderId).param("now", Timestamp.from(now)).update();
		return new StockReleased(UUID.randomUUID(), StockReleased.TYPE, now, orderId);
	}

	/**
	 * Decides and applies a reservation of {@code lines}: either every line is held (the stock
	 * rows are changed in this transaction) or nothing is and the shortages say why.
	 */
	private Decision hold(List<Line> lines) {
		List<Shortage> shortages = new ArrayList<>();
		TreeMap<String, Long> wanted = new TreeMap<>();
		for (Line line : lines) {
			Integer quantity = line.quantity();
			if (quantity == null || quantity <= 0) {
				shortages.add(new Shortage(line.sku(), (quantity != null) ? quantity : 0, 0));
			}
			else {
				wanted.merge(line.sku(), quantity.longValue(), Long::sum);
			}
		}
		Set<String> reservable = reservable(wanted.keySet());
		Map<String, List<StockRow>> rows = this.stock.of(reservable)
			.stream()
			.collect(Collectors.groupingBy(StockRow::sku, LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<String, Long> line : wanted.entrySet()) {
			int requested = (int) Math.min(Integer.MAX_VALUE, line.getValue());
			int available = reservable.contains(line.getKey())
					? Allocation.available(rows.getOrDefault(line.getKey(), List.of())) : 0;
			if (available < requested) {
				shortages.add(new Shortage(line.getKey(), requested, available));
			}
		}
		if (!shortages.isEmpty()) {
			shortages.sort(Comparator.comparing(Shortage::sku));
			return Decision.shortOf(shortages);
		}
		return this.savepoint.execute((all) -> {
			List<Piece> held = new ArrayList<>();
			for (Map.Entry<String, Long> line : wanted.entrySet()) {
				String sku = line.getKey();
				int quantity = line.getValue().intValue();
				List<StockRow> current = rows.getOrDefault(sku, List.of());
				List<Piece> taken = null;
				for (int attempt = 0; attempt < this.attempts && taken == null; attempt++) {
					List<Piece> plan = Allocation.plan(current, quantity);
					if (plan == null) {
						// taken by others since it was read: nothing of this order stays held
						all.setRollbackOnly();
						return Decision.shortOf(List.of(new Shortage(sku, quantity, Allocation.available(current))));
					}
					if (Boolean.TRUE.equals(this.savepoint.execute((one) -> apply(plan, one)))) {
						taken = plan;
					}
					else {
						current = this.stock.of(sku);
					}
				}
				if (taken == null) {
					throw new StockContention("Stock of " + sku + " changed under " + this.attempts + " attempts");
				}
				held.addAll(taken);
			}
			return Decision.heldAs(held);
		});
	}

	/** Applies a line's plan whole, or not at all (its savepoint is rolled back). */
	private boolean apply(List<Piece> plan, TransactionStatus line) {
		for (Piece piece : plan) {
			if (!this.stock.reserve(piece.row(), piece.quantity())) {
				line.setRollbackOnly();
				return false;
			}
		}
		return true;
	}

	/** The well-formed SKUs among these that exist and are not retired. */
	private Set<String> reservable(Collection<String> skus) {
		List<String> wellFormed = skus.stream().filter(SkuCodes::isWellFormed).toList();
		if (wellFormed.isEmpty()) {
			return Set.of();
		}
		return new TreeSet<>(this.jdbc.sql("select sku from sku where sku in (:skus) and active")
			.param("skus", wellFormed)
			.query(String.class)
			.list());
	}

	/** What a command for an order that was already answered gets. */
	private Reply answerAgain(UUID orderId, OrderStock known, List<Line> lines, Instant now) {
		if (known.reply() == null) {
			// released before it ever reserved: like a void before an authorization, it stays released
			List<Shortage> shortages = lines.stream()
				.map((line) -> new Shortage(line.sku(), (line.quantity() != null) ? line.quantity() : 0, 0))
				.sorted(Comparator.comparing(Shortage::sku))
				.toList();
			return new StockUnavailable(UUID.randomUUID(), StockUnavailable.TYPE, now, orderId, shortages);
		}
		String type = this.json.readTree(known.reply()).path("type").asString();
		if (StockReserved.TYPE.equals(type)) {
			StockReserved first = this.json.readValue(known.reply(), StockReserved.class);
			return new StockReserved(UUID.randomUUID(), StockReserved.TYPE, now, orderId, first.reservations());
		}
		StockUnavailable first = this.json.readValue(known.reply(), StockUnavailable.class);
		return new StockUnavailable(UUID.randomUUID(), StockUnavailable.TYPE, now, orderId, first.shortages());
	}

	private void insertReservations(UUID orderId, List<Piece> pieces, Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp expires = Timestamp.from(now.plus(this.ttl));
		for (Piece piece : pieces) {
			this.jdbc.sql("""
					insert into reservation (order_id, sku, warehouse_id, quantity, status, expires_at, created_at, updated_at)
					values (:orderId, :sku, :w, :q, 'RESERVED', :expires, :now, :now)
					on conflict (order_id, sku, warehouse_id) do update
					set quantity = excluded.quantity, status = 'RESERVED', expires_at = excluded.expires_at,
					    updated_at = excluded.updated_at
					""")
				.param("orderId", orderId)
				.param("sku", piece.row().sku())
				.param("w", piece.row().warehouseId())
				.param("q", piece.quantity())
				.param("expires", expires)
				.param("now", at)
				.update();
		}
	}

	/** The order's reservation rows, locked against the expiry sweep, in (SKU, warehouse) order. */
	private List<Held> heldBy(UUID orderId) {
		return this.jdbc.sql("""
				select sku, warehouse_id, quantity, status from reservation
				where order_id = :orderId order by sku, warehouse_id for update
				""")
			.param("orderId", orderId)
			.query((rs, n) -> new Held(rs.getString("sku"), rs.getShort("warehouse_id"), rs.getInt("quantity"),
					rs.getString("status")))
			.list();
	}

	private void lockOrder(UUID orderId) {
		this.jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:orderId))")
			.param("space", ORDER_LOCKS)
			.param("orderId", orderId.toString())
			.query()
			.singleRow();
	}

	private Optional<OrderStock> orderStock(UUID orderId) {
		return this.jdbc.sql("select outcome, reply::text as reply from order_stock where order_id = :orderId")
			.param("orderId", orderId)
			.query((rs, n) -> new OrderStock(rs.getString("outcome"), rs.getString("reply")))
			.optional();
	}

	private void saveOutcome(UUID orderId, String outcome, Reply reply, Instant now) {
		this.jdbc.sql("""
				insert into order_stock (order_id, outcome, reply, created_at, updated_at)
				values (:orderId, :outcome, cast(:reply as json), :now, :now)
				""")
			.param("orderId", orderId)
			.param("outcome", outcome)
			.param("reply", this.json.writeValueAsString(reply))
			.param("now", Timestamp.from(now))
			.update();
	}

	private void setOutcome(UUID orderId, String outcome, Instant now) {
		this.jdbc.sql("update order_stock set outcome = :outcome, updated_at = :now where order_id = :orderId")
			.param("orderId", orderId)
			.param("outcome", outcome)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static List<String> skusOf(List<Piece> pieces) {
		return pieces.stream().map((piece) -> piece.row().sku()).distinct().toList();
	}

	/** Either the pieces now held, or (with {@code held} null) the shortages. */
	private record Decision(List<Piece> held, List<Shortage> shortages) {

		static Decision heldAs(List<Piece> held) {
			return new Decision(List.copyOf(held), List.of());
		}

		static Decision shortOf(List<Shortage> shortages) {
			return new Decision(null, List.copyOf(shortages));
		}

	}

	private record OrderStock(String outcome, String reply) {
	}

	private record Held(String sku, short warehouseId, int quantity, String status) {
	}

}
