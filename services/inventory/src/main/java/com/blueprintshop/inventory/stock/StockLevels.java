package com.blueprintshop.inventory.stock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A SKU's stock per warehouse, as warehouse staff see it. */
@Component
public class StockLevels {

	private final JdbcClient jdbc;

	StockLevels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every warehouse (0 where it has no row), or empty for a SKU inventory does not know. */
	public Optional<SkuStock> of(String sku) {
		return this.jdbc.sql("select sku, product_id, product_name, active from sku where sku = :sku")
			.param("sku", sku)
			.query((rs, n) -> new SkuStock(rs.getString("sku"), rs.getObject("product_id", UUID.class),
					rs.getString("product_name"), rs.getBoolean("active"), warehouses(sku)))
			.optional();
	}

	private List<InWarehouse> warehouses(String sku) {
		return this.jdbc.sql("""
				select w.code, w.name, coalesce(s.on_hand, 0) as on_hand, coalesce(s.reserved, 0) as reserved
				from warehouse w left join stock s on s.warehouse_id = w.id and s.sku = :sku
				order by w.id
				""")
			.param("sku", sku)
			.query((rs, n) -> {
				int onHand = rs.getInt("on_hand");
				int reserved = rs.getInt("reserved");
				return new InWarehouse(rs.getString("code"), rs.getString("name"), onHand, reserved,
						onHand - reserved);
			})
			.list();
	}

	/**
	 * @param sku the SKU
	 * @param productId its product in catalog
	 * @param productName the product's name
	 * @param active whether it can be reserved (its product is not retired)
	 * @param warehouses its stock in each warehouse, in warehouse order
	 */
	public record SkuStock(String sku, UUID productId, String productName, boolean active,
			List<InWarehouse> warehouses) {
	}

	/**
	 * @param code the warehouse's code
	 * @param name its name
	 * @param onHand units there
	 * @param reserved units of those held for orders
	 * @param available the rest
	 */
	public record InWarehouse(String code, String name, int onHand, int reserved, int available) {
	}

}
