package com.blueprintshop.inventory.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.blueprintshop.inventory.system.InventoryProperties;

/**
 * Reads stock rows and changes them by compare-and-swap: an update that applies only while the
 * row still has the version it was read with, so no change made in between is lost, without a
 * lock taken before the decision. Callers that touch several rows in one transaction go in
 * (SKU, warehouse id) order — one global order, so two transactions never wait for each other
 * in a circle.
 */
@Component
public class StockRows {

	private static final String COLUMNS = "sku, warehouse_id, on_hand, reserved, version";

	private final JdbcClient jdbc;

	private final int attempts;

	StockRows(JdbcClient jdbc, InventoryProperties properties) {
		this.jdbc = jdbc;
		this.attempts = properties.casAttempts();
	}

	/** The rows of these SKUs in (SKU, warehouse id) order. */
	public List<StockRow> of(Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from stock where sku in (:skus) order by sku, warehouse_id")
			.param("skus", skus)
			.query(StockRows::row)
			.list();
	}

	/** One SKU's rows in warehouse id order. */
	public List<StockRow> of(String sku) {
		return this.jdbc.sql("select " + COLUMNS + " from stock where sku = :sku order by warehouse_id")
			.param("sku", sku)
			.query(StockRows::row)
			.list();
	}

	public Optional<StockRow> find(String sku, short warehouseId) {
		return this.jdbc.sql("select " + COLUMNS + " from stock where sku = :sku and warehouse_id = :w")
			.param("sku", sku)
			.param("w", warehouseId)
			.query(StockRows::row)
			.optional();
	}

	/**
	 * Holds {@code quantity} more units of the row for an order, if the row is as it was read and
	 * still has them available.
	 * @return whether it did (if not, re-read and decide again)
	 */
	public boolean reserve(StockRow row, int quantity) {
		return this.jdbc.sql("""
				update stock set reserved = reserved + :q, version = version + 1
				where sku = :sku and warehouse_id = :w and version = :v and on_hand - reserved >= :q
				""")
			.param("q", quantity)
			.param("sku", row.sku())
			.param("w", row.warehouseId())
			.param("v", row.version())
			.update() == 1;
	}

	/**
	 * Sets the units on hand to a count, if the row is as it was read and the count still covers
	 * what is reserved.
	 * @return whether it did (if not, re-read and decide again)
	 */
	public boolean count(StockRow row, int onHand) {
		return this.jdbc.sql("""
				update stock set on_hand = :onHand, version = version + 1
				where sku = :sku and warehouse_id = :w and version = :v and reserved <= :onHand
				""")
			.param("onHand", onHand)
			.param("sku", row.sku())
			.param("w", row.warehouseId())
			.param("v", row.version())
			.update() == 1;
	}

	/** Adds a row for a SKU a warehouse had none of; {@code false} when someone else just did. */
	public boolean insert(String sku, short warehouseId, int onHand) {
		return this.jdbc.sql("""
				insert into stock (sku, warehouse_id, on_hand) values (:sku, :w, :onHand)
				on conflict (sku, warehouse_id) do nothing
				""")
			.param("sku", sku)
			.param("w", warehouseId)
			.param("onHand", onHand)
			.update() == 1;
	}

	/**
	 * Moves units that an order holds: {@code onHand} and {@code reserved} are added to the row
	 * (negative to take away), by compare-and-swap, re-reading while other changes get in between.
	 * @throws StockContention when the row changed under every attempt
	 * @throws IllegalStateException when the row does not have what the order is said to hold
	 */
	public void adjust(String sku, short warehouseId, int onHand, int reserved) {
		for (int attempt = 0; attempt < this.attempts; attempt++) {
			StockRow row = find(sku, warehouseId)
				.orElseThrow(() -> new IllegalStateException("No stock row for " + sku + " in warehouse " + warehouseId));
			int newOnHand = row.onHand() + onHand;
			int newReserved = row.reserved() + reserved;
			if (newReserved < 0 || newReserved > newOnHand) {
				throw new IllegalStateException("Stock of " + sku + " in warehouse " + warehouseId + " is " + row
						+ ", cannot move on hand by " + onHand + " and reserved by " + reserved);
			}
			int changed = this.jdbc.sql("""
					update stock set on_hand = :onHand, reserved = :reserved, version = version + 1
					where sku = :sku and warehouse_id = :w and version = :v
					""")
				.param("onHand", newOnHand)
				.param("reserved", newReserved)
				.param("sku", sku)
				.param("w", warehouseId)
				.param("v", row.version())
				.update();
			if (changed == 1) {
				return;
			}
		}
		throw new StockContention("Stock of " + sku + " in warehouse " + warehouseId + " changed under "
				+ this.attempts + " attempts");
	}

	private static StockRow row(ResultSet rs, int n) throws SQLException {
		return new StockRow(rs.getString("sku"), rs.getShort("warehouse_id"), rs.getInt("on_hand"),
				rs.getInt("reserved"), rs.getLong("version"));
	}

}
