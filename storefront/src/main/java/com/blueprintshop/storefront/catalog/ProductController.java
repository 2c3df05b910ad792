package com.blueprintshop.storefront.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.catalog.CatalogPages.CatalogPage;
import com.blueprintshop.storefront.inventory.Availability;
import com.blueprintshop.storefront.inventory.StockLevel;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A product with its live availability, and the form that adds a variant to the cart. When
 * inventory does not answer, the page says availability is unknown and is shown all the same.
 * <p>
 * The page's ETag covers the availability it shows, so it is asked first (inventory is cheap);
 * the product's SKUs, which that needs, come from {@link KnownSkus} when this instance has shown
 * the product at the current catalog version. A revalidation then costs inventory one call and
 * catalog none.
 */
@Controller
class ProductController {

	/** Tells the template whether the add-to-cart form carries a CSRF token (see SameOriginGuestAddToCart). */
	static final String TOKEN_IN_FORM = "tokenInForm";

	private final CatalogClient catalog;

	private final Availability availability;

	private final CatalogPages pages;

	private final KnownSkus knownSkus;

	ProductController(CatalogClient catalog, Availability availability, CatalogPages pages, KnownSkus knownSkus) {
		this.catalog = catalog;
		this.availability = availability;
		this.pages = pages;
		this.knownSkus = knownSkus;
	}

	@GetMapping("/p/{slug}")
	String product(@PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
		CatalogPage page = this.pages.open(request, response);
		Optional<CatalogVersion> version = page.version();
		Optional<List<String>> skus = version.flatMap((v) -> this.knownSkus.of(slug, v.version()));
		ProductDetail product = null;
		if (skus.isEmpty()) {
			product = this.catalog.product(slug);
			List<String> fetched = product.skus().stream().map(ProductDetail.Sku::sku).toList();
			version.ifPresent((v) -> this.knownSkus.remember(slug, v.version(), fetched));
			skus = Optional.of(fetched);
		}
		Optional<Map<String, Integer>> levels = skus.get().isEmpty() ? Optional.of(Map.of())
				: this.availability.lookup(skus.get());
		if (page.notModified(shown(skus.get(), levels))) {
			return null;
		}
		if (product == null) {
			product = this.catalog.product(slug);
			if (!product.skus().stream().map(ProductDetail.Sku::sku).toList().equals(skus.get())) {
				// the product changed since it was remembered, within the same catalog version
				// (catalog moved on between the two reads): what it shows now is what counts
				List<String> fetched = product.skus().stream().map(ProductDetail.Sku::sku).toList();
				version.ifPresent((v) -> this.knownSkus.remember(slug, v.version(), fetched));
				levels = fetched.isEmpty() ? Optional.of(Map.of()) : this.availability.lookup(fetched);
				if (page.notModified(shown(fetched, levels))) {
					return null;
				}
			}
		}
		Map<String, StockLevel> variants = new LinkedHashMap<>();
		for (ProductDetail.Sku sku : product.skus()) {
			variants.put(sku.sku(), levels.map((l) -> StockLevel.of(l.get(sku.sku()))).orElse(StockLevel.UNKNOWN));
		}
		model.addAttribute("product", product);
		model.addAttribute("stock", total(levels));
		model.addAttribute("variantStock", variants);
		// after a rejected add, the form shows what was chosen; otherwise the first variant in stock
		if (!model.containsAttribute("cartSku")) {
			ProductDetail shownProduct = product;
			model.addAttribute("cartSku", variants.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().known() || entry.getValue().available() > 0)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(shownProduct.skus().isEmpty() ? null : shownProduct.skus().getFirst().sku()));
		}
		// a visitor without a session gets no token: reading one would create their session
		model.addAttribute(TOKEN_IN_FORM, request.getSession(false) != null);
		page.ready();
		return "product";
	}

	private static StockLevel total(Optional<Map<String, Integer>> levels) {
		return levels.map((l) -> StockLevel.of(l.values().stream().mapToInt(Integer::intValue).sum()))
			.orElse(StockLevel.UNKNOWN);
	}

	/** Availability as the page shows it (labels, not counts): 40 or 39 in stock is the same page. */
	private static String shown(List<String> skus, Optional<Map<String, Integer>> levels) {
		return "stock=" + total(levels).label() + ";" + skus.stream()
			.map((sku) -> sku + "=" + levels.map((l) -> StockLevel.of(l.get(sku))).orElse(StockLevel.UNKNOWN).label())
			.collect(Collectors.joining(","));
	}

}
