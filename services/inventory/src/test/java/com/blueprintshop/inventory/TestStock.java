package com.blueprintshop.inventory;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts SKUs and stock rows straight into a test's database. */
public final class TestStock {

	private TestStock() {
	}

	/** A known, reservable SKU of a new product, with these units on hand in DUB and RTM (no row for null). */
	public static void sku(JdbcClient jdbc, String sku, Integer dublin, Integer rotterdam) {
		jdbc.sql("insert into sku (sku, product_id, product_name, active) values (:sku, :product, 'Test product', true)")
			.param("sku", sku)
			.param("product", UUID.randomUUID())
			.update();
		if (dublin != null) {
			stock(jdbc, sku, "DUB", dublin);
		}
		if (rotterdam != null) {
			stock(jdbc, sku, "RTM", rotterdam);
		}
	}

	public static void stock(JdbcClient jdbc, String sku, String warehouse, int onHand) {
		jdbc.sql("""
				insert into stock (sku, warehouse_id, on_hand)
				select :sku, id, :onHand from warehouse where code = :warehouse
				""").param("sku", sku).param("onHand", onHand).param("warehouse", warehouse).update();
	}

	public static int onHand(JdbcClient jdbc, String sku, String warehouse) {
		return column(jdbc, "on_hand", sku, warehouse);
	}

	public static int reserved(JdbcClient jdbc, String sku, String warehouse) {
		return column(jdbc, "reserved", sku, warehouse);
	}

	private static int column(JdbcClient jdbc, String column, String sku, String warehouse) {
		return jdbc.sql("select s." + column + " from stock s join warehouse w on w.id = s.warehouse_id "
				+ "where s.sku = :sku and w.code = :warehouse")
			.param("sku", sku)
			.param("warehouse", warehouse)
			.query(Integer.class)
			.single();
	}

}
