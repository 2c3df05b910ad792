package com.blueprintshop.inventory.stock;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many units of each SKU a shopper can still buy: on the product page and the cart, so it is
 * one query (primary-key lookups in {@code sku} and {@code stock}) whatever the number of SKUs.
 */
@Component
public class Availability {

	public static final int MAX_SKUS = 100;

	private final JdbcClient jdbc;

	Availability(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry per SKU asked for, in the order asked; unknown or retired SKUs have 0. */
	public List<Available> of(List<String> skus) {
		return this.jdbc.sql("""
				select q.sku,
				       case when k.active
				            then coalesce((select sum(s.on_hand - s.reserved) from stock s where s.sku = q.sku), 0)
				            else 0 end as available
				from unnest(cast(array[:skus] as text[])) with ordinality as q (sku, position)
				left join sku k on k.sku = q.sku
				order by q.position
				""")
			.param("skus", skus)
			.query((rs, n) -> new Available(rs.getString("sku"), rs.getInt("available")))
			.list();
	}

	/**
	 * @param sku the SKU
	 * @param available units on hand and not held for an order, over all warehouses
	 */
	public record Available(String sku, int available) {
	}

}
