package com.blueprintshop.inventory.reservation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.inventory.stock.StockEvents;
import com.blueprintshop.inventory.stock.StockRows;
import com.blueprintshop.inventory.system.InventoryProperties;

/**
 * Gives back the stock of reservations that outlived {@code shop.inventory.reservation-ttl}
 * without being committed. An order is expired whole, under the same advisory lock its commands
 * take (tried, never waited for: an order busy with a command is left for the next sweep), so a
 * commit never finds half of an order expired; the stock rows of a batch are changed in (SKU,
 * warehouse id) order like everywhere else. Several instances sweep at once without doing the
 * same order twice.
 */
@Component
public class ReservationExpiry implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	private static final int ORDERS_PER_BATCH = 100;

	private final JdbcClient jdbc;

	private final StockRows stock;

	private final StockEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final InventoryProperties properties;

	ReservationExpiry(JdbcClient jdbc, StockRows stock, StockEvents events, PlatformTransactionManager transactions,
			Clock clock, InventoryProperties properties) {
		this.jdbc = jdbc;
		this.stock = stock;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, this.properties.expirySweepInterval());
	}

	private void sweep() {
		try {
			int expired = expireDue();
			if (expired > 0) {
				log.info("Expired the reservations of {} orders", expired);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not expire reservations this time: {}", ex.toString());
		}
	}

	/** Expires every reservation due by the clock's now; returns how many orders it expired. */
	public int expireDue() {
		Instant now = this.clock.instant();
		int total = 0;
		int batch;
		do {
			Integer done = this.transactions.execute((status) -> expireBatch(now));
			batch = (done != null) ? done : 0;
			total += batch;
		}
		while (batch > 0);
		return total;
	}

	private int expireBatch(Instant now) {
		Timestamp at = Timestamp.from(now);
		List<UUID> due = this.jdbc.sql("""
				select order_id from reservation
				where status = 'RESERVED' and expires_at <= :now
				group by order_id order by min(expires_at) limit :limit
				""")
			.param("now", at)
			.param("limit", ORDERS_PER_BATCH)
			.query(UUID.class)
			.list();
		List<UUID> mine = due.stream().filter(this::tryLock).toList();
		if (mine.isEmpty()) {
			return 0;
		}
		List<Due> rows = this.jdbc.sql("""
				select sku, warehouse_id, quantity from reservation
				where order_id in (:orders) and status = 'RESERVED' and expires_at <= :now
				order by sku, warehouse_id
				for update
				""")
			.param("orders", mine)
			.param("now", at)
			.query((rs, n) -> new Due(rs.getString("sku"), rs.getShort("warehouse_id"), rs.getInt("quantity")))
			.list();
		for (Due row : rows) {
			this.stock.adjust(row.sku(), row.warehouseId(), 0, -row.quantity());
		}
		this.jdbc.sql("""
				update reservation set status = 'EXPIRED', updated_at = :now
				where order_id in (:orders) and status = 'RESERVED' and expires_at <= :now
				""").param("orders", mine).param("now", at).update();
		this.events.changed(rows.stream().map(Due::sku).distinct().toList());
		return mine.size();
	}

	private boolean tryLock(UUID orderId) {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(:space, hashtext(:orderId))")
			.param("space", Reservations.ORDER_LOCKS)
			.param("orderId", orderId.toString())
			.query(Boolean.class)
			.single());
	}

	private record Due(String sku, short warehouseId, int quantity) {
	}

}
