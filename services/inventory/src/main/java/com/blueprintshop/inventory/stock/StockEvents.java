package com.blueprintshop.inventory.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Outbox;
import com.blueprintshop.inventory.system.Topics;

/**
 * Records {@link StockChanged} for SKUs whose totals a transaction changed. It joins that
 * transaction (and refuses to run without one), so the event exists exactly when the change
 * was committed; totals are read inside it, after the change.
 */
@Component
public class StockEvents {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Clock clock;

	private final Availability availability;

	StockEvents(JdbcClient jdbc, Outbox outbox, Clock clock, Availability availability) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.clock = clock;
		this.availability = availability;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(Collection<String> skus) {
		if (skus.isEmpty()) {
			return;
		}
		this.availability.forget(skus);
		Instant now = this.clock.instant();
		List<StockChanged> events = this.jdbc.sql("""
				select k.sku, k.active, coalesce(sum(s.on_hand), 0) as on_hand, coalesce(sum(s.reserved), 0) as reserved
				from sku k left join stock s on s.sku = k.sku
				where k.sku in (:skus)
				group by k.sku, k.active
				order by k.sku
				""")
			.param("skus", new TreeSet<>(skus))
			.query((rs, n) -> {
				int onHand = rs.getInt("on_hand");
				int reserved = rs.getInt("reserved");
				int available = rs.getBoolean("active") ? onHand - reserved : 0;
				return new StockChanged(UUID.randomUUID(), StockChanged.TYPE, now, rs.getString("sku"), onHand,
						reserved, available);
			})
			.list();
		for (StockChanged event : events) {
			this.outbox.append(Topics.STOCK_CHANGED, event.sku(), event.eventId(), StockChanged.TYPE, event);
		}
	}

}
