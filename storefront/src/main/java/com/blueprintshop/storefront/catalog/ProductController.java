package com.blueprintshop.storefront.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.blueprintshop.storefront.inventory.Availability;
import com.blueprintshop.storefront.inventory.StockLevel;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A product with its live availability, and the form that adds a variant to the cart. When
 * inventory does not answer, the page says availability is unknown and is shown all the same.
 */
@Controller
class ProductController {

	private final CatalogClient catalog;

	private final Availability availability;

	ProductController(CatalogClient catalog, Availability availability) {
		this.catalog = catalog;
		this.availability = availability;
	}

	@GetMapping("/p/{slug}")
	String product(@PathVariable String slug, Model model) {
		ProductDetail product = this.catalog.product(slug);
		Optional<Map<String, Integer>> levels = product.skus().isEmpty() ? Optional.of(Map.of())
				: this.availability.lookup(product.skus().stream().map(ProductDetail.Sku::sku).toList());
		Map<String, StockLevel> variants = new LinkedHashMap<>();
		for (ProductDetail.Sku sku : product.skus()) {
			variants.put(sku.sku(), levels.map((l) -> StockLevel.of(l.get(sku.sku()))).orElse(StockLevel.UNKNOWN));
		}
		model.addAttribute("product", product);
		model.addAttribute("stock",
				levels.map((l) -> StockLevel.of(l.values().stream().mapToInt(Integer::intValue).sum()))
					.orElse(StockLevel.UNKNOWN));
		model.addAttribute("variantStock", variants);
		// after a rejected add, the form shows what was chosen; otherwise the first variant in stock
		if (!model.containsAttribute("cartSku")) {
			model.addAttribute("cartSku", variants.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().known() || entry.getValue().available() > 0)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(product.skus().isEmpty() ? null : product.skus().getFirst().sku()));
		}
		return "product";
	}

}
