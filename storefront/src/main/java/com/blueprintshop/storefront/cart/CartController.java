package com.blueprintshop.storefront.cart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.blueprintshop.storefront.catalog.CatalogClient;
import com.blueprintshop.storefront.catalog.ProductDetail;
import com.blueprintshop.storefront.inventory.Availability;
import com.blueprintshop.storefront.inventory.StockLevel;
import com.blueprintshop.storefront.system.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cart page and the forms that change the cart. Every change is a POST that redirects back
 * with a message; a mistake in what was sent (a quantity out of range, a SKU the product does not
 * have) comes back next to the field, and the cart is left as it was.
 */
@Controller
class CartController {

	private static final Logger log = LoggerFactory.getLogger(CartController.class);

	static final int MAX_SLUG_LENGTH = 200;

	static final int MAX_SKU_LENGTH = 64;

	static final String QUANTITY_NOT_A_NUMBER = "Enter how many you want as a number from 1 to " + Cart.MAX_QUANTITY
			+ ".";

	static final String QUANTITY_OUT_OF_RANGE = "You can have 1 to " + Cart.MAX_QUANTITY + " of each item.";

	static final String UNKNOWN_SKU = "Choose one of this product's variants.";

	static final String CART_FULL = "Your cart is full: it holds up to " + Cart.MAX_LINES
			+ " different items. Remove one to add another.";

	static final String CART_UNAVAILABLE = "Your cart cannot be changed just now. Please try again in a minute.";

	private final Carts carts;

	private final CatalogClient catalog;

	private final Availability availability;

	CartController(Carts carts, CatalogClient catalog, Availability availability) {
		this.carts = carts;
		this.catalog = catalog;
		this.availability = availability;
	}

	@GetMapping("/cart")
	String cart(HttpServletRequest request, Model model) {
		Cart cart = this.carts.cart(request);
		Optional<Map<String, Integer>> levels = cart.isEmpty() ? Optional.of(Map.of())
				: this.availability.lookup(cart.lines().stream().map(CartLine::sku).toList());
		List<Row> rows = cart.lines()
			.stream()
			.map((line) -> new Row(line,
					levels.map((l) -> StockLevel.of(l.get(line.sku()))).orElse(StockLevel.UNKNOWN)))
			.toList();
		model.addAttribute("cart", cart);
		model.addAttribute("rows", rows);
		model.addAttribute("availabilityKnown", levels.isPresent());
		model.addAttribute("anyShort", rows.stream().anyMatch(Row::isShort));
		return "cart";
	}

	@PostMapping("/cart/lines")
	String add(@RequestParam(name = "product", defaultValue = "") String slug,
			@RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String quantity,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (slug.isBlank() || slug.length() > MAX_SLUG_LENGTH) {
			throw new BadRequestException("Choose a product to add to your cart.");
		}
		ProductDetail product = this.catalog.product(slug);
		String back = "redirect:" + productUrl(product.slug());
		Map<String, String> errors = new LinkedHashMap<>();
		ProductDetail.Sku variant = (sku.length() <= MAX_SKU_LENGTH) ? product.sku(sku) : null;
		if (variant == null) {
			errors.put("sku", UNKNOWN_SKU);
		}
		Integer count = parse(quantity);
		if (count == null) {
			errors.put("quantity", QUANTITY_NOT_A_NUMBER);
		}
		else if (count < 1 || count > Cart.MAX_QUANTITY) {
			errors.put("quantity", QUANTITY_OUT_OF_RANGE);
		}
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("cartErrors", errors);
			redirect.addFlashAttribute("cartSku", abbreviated(sku));
			redirect.addFlashAttribute("cartQuantity", abbreviated(quantity));
			redirect.addFlashAttribute("problem", "Nothing was added to your cart: see below.");
			return back;
		}
		if (product.priceOf(variant) == null || product.priceOf(variant).amount() == null) {
			redirect.addFlashAttribute("problem", "This product has no price just now, so it cannot be bought.");
			return back;
		}
		CartLine line = new CartLine(variant.sku(), product.slug(), product.name(), variant.description(),
				product.priceOf(variant), count);
		int[] before = new int[1];
		try {
			Cart cart = this.carts.change(request, (current) -> {
				CartLine existing = current.line(line.sku());
				before[0] = (existing != null) ? existing.quantity() : 0;
				return current.add(line);
			});
			int now = cart.line(line.sku()).quantity();
			redirect.addFlashAttribute("notice", (now < before[0] + count)
					? "Your cart now holds %d × %s, the most one order can take.".formatted(now, line.title())
					: "Added to your cart: %d × %s.".formatted(count, line.title()));
			redirect.addFlashAttribute("added", true);
		}
		catch (CartFullException ex) {
			redirect.addFlashAttribute("problem", CART_FULL);
		}
		catch (CartUnavailableException ex) {
			log.warn("Could not add to a cart: {}", ex.getMessage());
			redirect.addFlashAttribute("problem", CART_UNAVAILABLE);
		}
		return back;
	}

	@PostMapping("/cart/update")
	String update(@RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String quantity,
			HttpServletRequest request, RedirectAttributes redirect) {
		Integer count = parse(quantity);
		String problem = (count == null) ? QUANTITY_NOT_A_NUMBER
				: (count < 1 || count > Cart.MAX_QUANTITY) ? QUANTITY_OUT_OF_RANGE : null;
		try {
			CartLine line = this.carts.cart(request).line(sku);
			if (line == null) {
				redirect.addFlashAttribute("problem", "That item is no longer in your cart.");
			}
			else if (problem != null) {
				redirect.addFlashAttribute("lineErrors", Map.of(line.sku(), problem));
				redirect.addFlashAttribute("lineQuantity", abbreviated(quantity));
				redirect.addFlashAttribute("problem", "The quantity of %s was not changed.".formatted(line.title()));
			}
			else {
				this.carts.change(request, (cart) -> cart.withQuantity(line.sku(), count));
				redirect.addFlashAttribute("notice", "Your cart now holds %d × %s.".formatted(count, line.title()));
			}
		}
		catch (CartUnavailableException ex) {
			log.warn("Could not change a cart: {}", ex.getMessage());
			redirect.addFlashAttribute("problem", CART_UNAVAILABLE);
		}
		return "redirect:/cart";
	}

	@PostMapping("/cart/remove")
	String remove(@RequestParam(defaultValue = "") String sku, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			CartLine line = this.carts.cart(request).line(sku);
			if (line != null) {
				this.carts.change(request, (cart) -> cart.without(line.sku()));
				redirect.addFlashAttribute("notice", "Removed %s from your cart.".formatted(line.title()));
			}
		}
		catch (CartUnavailableException ex) {
			log.warn("Could not change a cart: {}", ex.getMessage());
			redirect.addFlashAttribute("problem", CART_UNAVAILABLE);
		}
		return "redirect:/cart";
	}

	/** A whole number as typed, or null when it is not one. */
	static Integer parse(String quantity) {
		String text = quantity.strip();
		if (text.isEmpty() || text.length() > 6) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// what was typed is shown again, but never more of it than a field holds
	private static String abbreviated(String typed) {
		return (typed.length() > MAX_SKU_LENGTH) ? typed.substring(0, MAX_SKU_LENGTH) : typed;
	}

	static String productUrl(String slug) {
		return UriComponentsBuilder.fromPath("/p/{slug}").encode().buildAndExpand(slug).toUriString();
	}

	/** A line of the cart page with the availability of its SKU. */
	record Row(CartLine line, StockLevel stock) {

		/** More in the cart than can be sold now. */
		public boolean isShort() {
			return this.stock.fallsShortOf(this.line.quantity());
		}

		public String availability() {
			if (this.stock.known() && this.stock.available() <= 0) {
				return "Out of stock";
			}
			if (isShort()) {
				return "Only " + this.stock.available() + " available";
			}
			return this.stock.label();
		}

	}

}
