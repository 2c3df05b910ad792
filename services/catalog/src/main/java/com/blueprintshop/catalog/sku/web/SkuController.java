package com.blueprintshop.catalog.sku.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.catalog.sku.SkuList;
import com.blueprintshop.catalog.sku.SkuQueries;
import com.blueprintshop.catalog.system.ApiException;

/**
 * {@code GET /skus?after=…&limit=…} walks every SKU in code order (inventory's start-up sync);
 * {@code GET /skus?sku=A&sku=B} looks up to 100 of them (order prices a checkout).
 */
@RestController
class SkuController {

	private static final Pattern SKU = Pattern.compile("[A-Z0-9-]{1,40}");

	private final SkuQueries skus;

	SkuController(SkuQueries skus) {
		this.skus = skus;
	}

	@GetMapping("/skus")
	SkuList skus(@RequestParam(required = false) List<String> sku, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "500") @Min(1) @Max(SkuQueries.MAX_PAGE) int limit) {
		if (sku == null || sku.isEmpty()) {
			if (after != null && !SKU.matcher(after).matches()) {
				throw ApiException.invalid("after", "Must be a SKU code: capital letters, digits and hyphens.");
			}
			return this.skus.page(after, limit);
		}
		if (sku.size() > SkuQueries.MAX_LOOKUP) {
			throw ApiException.invalid("sku", "Ask for at most " + SkuQueries.MAX_LOOKUP + " SKUs at a time.");
		}
		List<String> codes = sku.stream().distinct().toList();
		if (codes.stream().anyMatch((code) -> !SKU.matcher(code).matches())) {
			throw ApiException.invalid("sku", "Each SKU is a code of capital letters, digits and hyphens.");
		}
		return new SkuList(this.skus.lookup(codes), null);
	}

}
