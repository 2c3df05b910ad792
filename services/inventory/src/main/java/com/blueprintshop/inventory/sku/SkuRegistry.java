package com.blueprintshop.inventory.sku;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.inventory.sku.CatalogClient.CatalogSku;
import com.blueprintshop.inventory.sku.CatalogClient.Product;
import com.blueprintshop.inventory.stock.Availability;
import com.blueprintshop.inventory.stock.StockEvents;
import com.blueprintshop.inventory.stock.Warehouse;
import com.blueprintshop.inventory.stock.Warehouses;
import com.blueprintshop.inventory.system.SkuCodes;

/** The {@code sku} table: what inventory knows of catalog's SKUs. Every method joins the caller's transaction. */
@Component
class SkuRegistry {

	private final JdbcClient jdbc;

	private final Warehouses warehouses;

	private final StockEvents events;

	private final Clock clock;

	private final Availability availability;

	SkuRegistry(JdbcClient jdbc, Warehouses warehouses, StockEvents events, Clock clock, Availability availability) {
		this.jdbc = jdbc;
		this.warehouses = warehouses;
		this.events = events;
		this.clock = clock;
		this.availability = availability;
	}

	/**
	 * Adds the SKUs not known yet, each with its generated stock; SKUs already known (from an
	 * earlier walk, another instance's, or a catalog event) are left as they are.
	 * @return how many SKUs this call added
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int learn(List<CatalogSku> skus, StockGenerator generator) {
		Map<String, CatalogSku> wellFormed = new LinkedHashMap<>();
		for (CatalogSku sku : skus) {
			if (SkuCodes.isWellFormed(sku.sku()) && sku.productId() != null) {
				wellFormed.putIfAbsent(sku.sku(), sku);
			}
		}
		if (wellFormed.isEmpty()) {
			return 0;
		}
		List<CatalogSku> candidates = List.copyOf(wellFormed.values());
		// one statement per page, not one per SKU: a first start learns tens of thousands
		List<String> added = this.jdbc.sql("""
				insert into sku (sku, product_id, product_name, active, updated_at)
				select s, p, n, a, :now
				from unnest(cast(array[:skus] as text[]), cast(array[:products] as uuid[]),
				            cast(array[:names] as text[]), cast(array[:active] as boolean[])) as t (s, p, n, a)
				on conflict (sku) do nothing
				returning sku
				""")
			.param("skus", candidates.stream().map(CatalogSku::sku).toList())
			.param("products", candidates.stream().map(CatalogSku::productId).toList())
			.param("names", candidates.stream().map((sku) -> (sku.productName() != null) ? sku.productName() : "").toList())
			.param("active", candidates.stream().map((sku) -> "ACTIVE".equals(sku.status())).toList())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(String.class)
			.list();
		if (added.isEmpty()) {
			return 0;
		}
		List<Warehouse> all = this.warehouses.all();
		List<String> stockSkus = new ArrayList<>();
		List<Short> stockWarehouses = new ArrayList<>();
		List<Integer> stockOnHand = new ArrayList<>();
		for (String code : added) {
			CatalogSku sku = wellFormed.get(code);
			int[] onHand = generator.onHand(code, sku.productSlug(), sku.productName(), all.size());
			for (int i = 0; i < all.size(); i++) {
				stockSkus.add(code);
				stockWarehouses.add(all.get(i).id());
				stockOnHand.add(onHand[i]);
			}
		}
		this.jdbc.sql("""
				insert into stock (sku, warehouse_id, on_hand)
				select s, w, o
				from unnest(cast(array[:skus] as text[]), cast(array[:warehouses] as smallint[]),
				            cast(array[:onHand] as integer[])) as t (s, w, o)
				on conflict (sku, warehouse_id) do nothing
				""")
			.param("skus", stockSkus)
			.param("warehouses", stockWarehouses)
			.param("onHand", stockOnHand)
			.update();
		// asked for before they were known, they were kept as 0
		this.availability.forget(added);
		return added.size();
	}

	/**
	 * Makes the product's SKUs known and reservable (new ones with no stock: 0 available), and
	 * those it no longer has not reservable; {@code StockChanged} for each SKU whose availability
	 * that changes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void published(Product product) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> codes = (product.skus() != null) ? product.skus()
			.stream()
			.map(CatalogClient.ProductSku::sku)
			.filter(SkuCodes::isWellFormed)
			.distinct()
			.sorted()
			.toList() : List.of();
		Map<String, Boolean> before = activeFlags(product.id());
		List<String> changed = new ArrayList<>();
		for (String code : codes) {
			this.jdbc.sql("""
					insert into sku (sku, product_id, product_name, active, updated_at)
					values (:sku, :productId, :name, true, :now)
					on conflict (sku) do update
					set product_id = excluded.product_id, product_name = excluded.product_name, active = true,
					    updated_at = excluded.updated_at
					""")
				.param("sku", code)
				.param("productId", product.id())
				.param("name", (product.name() != null) ? product.name() : "")
				.param("now", now)
				.update();
			if (!Boolean.TRUE.equals(before.get(code))) {
				changed.add(code);
			}
		}
		before.forEach((code, active) -> {
			if (active && !codes.contains(code)) {
				changed.add(code);
			}
		});
		this.jdbc.sql("""
				update sku set active = false, updated_at = :now
				where product_id = :productId and active and not (sku = any (cast(array[:codes] as text[])))
				""")
			.param("productId", product.id())
			.param("codes", codes.isEmpty() ? List.of("") : codes)
			.param("now", now)
			.update();
		this.events.changed(changed);
	}

	/** The product's SKUs can no longer be reserved (their stock stays counted). */
	@Transactional(propagation = Propagation.MANDATORY)
	void retired(UUID productId) {
		List<String> retired = this.jdbc.sql("""
				update sku set active = false, updated_at = :now
				where product_id = :productId and active
				returning sku
				""")
			.param("productId", productId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(String.class)
			.list();
		this.events.changed(retired);
	}

	private Map<String, Boolean> activeFlags(UUID productId) {
		Map<String, Boolean> flags = new HashMap<>();
		this.jdbc.sql("select sku, active from sku where product_id = :productId")
			.param("productId", productId)
			.query((rs) -> {
				flags.put(rs.getString("sku"), rs.getBoolean("active"));
			});
		return flags;
	}

}
