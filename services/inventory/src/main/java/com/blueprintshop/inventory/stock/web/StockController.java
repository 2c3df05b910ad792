package com.blueprintshop.inventory.stock.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.inventory.stock.Availability;
import com.blueprintshop.inventory.stock.Availability.Available;
import com.blueprintshop.inventory.stock.StockLevels;
import com.blueprintshop.inventory.stock.StockLevels.SkuStock;
import com.blueprintshop.inventory.stock.Warehouses;
import com.blueprintshop.inventory.system.ApiException;
import com.blueprintshop.inventory.system.SkuCodes;

/**
 * {@code GET /availability?sku=A&sku=B} for shoppers (product page, cart), {@code GET /warehouses},
 * and {@code GET /admin/stock?sku=A} for warehouse staff.
 */
@RestController
class StockController {

	private final Availability availability;

	private final StockLevels levels;

	private final Warehouses warehouses;

	StockController(Availability availability, StockLevels levels, Warehouses warehouses) {
		this.availability = availability;
		this.levels = levels;
		this.warehouses = warehouses;
	}

	@GetMapping("/availability")
	List<Available> availability(@RequestParam List<String> sku) {
		if (sku.isEmpty()) {
			throw ApiException.invalid("sku", "is required");
		}
		if (sku.size() > Availability.MAX_SKUS) {
			throw ApiException.invalid("sku", "must name at most " + Availability.MAX_SKUS + " SKUs");
		}
		for (String code : sku) {
			if (!SkuCodes.isWellFormed(code)) {
				throw ApiException.invalid("sku", SkuCodes.RULE);
			}
		}
		return this.availability.of(sku);
	}

	@GetMapping("/warehouses")
	List<WarehouseView> warehouses() {
		return this.warehouses.all().stream().map((w) -> new WarehouseView(w.code(), w.name())).toList();
	}

	@GetMapping("/admin/stock")
	SkuStock stock(@RequestParam String sku) {
		if (!SkuCodes.isWellFormed(sku)) {
			throw ApiException.invalid("sku", SkuCodes.RULE);
		}
		return this.levels.of(sku).orElseThrow(() -> ApiException.notFound("Inventory knows no SKU " + sku + "."));
	}

	/**
	 * @param code the warehouse's code (the {@code warehouse} column of a stock upload)
	 * @param name its name
	 */
	record WarehouseView(String code, String name) {
	}

}
