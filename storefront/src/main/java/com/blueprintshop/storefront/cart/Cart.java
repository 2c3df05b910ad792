package com.blueprintshop.storefront.cart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.blueprintshop.storefront.catalog.Money;

/**
 * What a shopper means to buy: at most {@link #MAX_LINES} SKUs, each 1 to {@link #MAX_QUANTITY}
 * times, in the order they were first added. Immutable: every change gives a new cart.
 */
public record Cart(List<CartLine> lines) {

	public static final int MAX_LINES = 50;

	public static final int MAX_QUANTITY = 10;

	public static final Cart EMPTY = new Cart(List.of());

	public Cart {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

	/** How many items, counting each unit. */
	public int count() {
		return this.lines.stream().mapToInt(CartLine::quantity).sum();
	}

	/** The line for this SKU, or null. */
	public CartLine line(String sku) {
		return this.lines.stream().filter((line) -> line.sku().equals(sku)).findFirst().orElse(null);
	}

	/**
	 * The sum of the line totals, or null when the lines are priced in more than one currency
	 * (the page then shows only the line totals).
	 */
	public Money subtotal() {
		if (this.lines.isEmpty()) {
			return null;
		}
		Money first = this.lines.getFirst().unitPrice();
		String currency = (first != null) ? first.currency() : null;
		if (currency == null) {
			return null;
		}
		BigDecimal total = BigDecimal.ZERO;
		for (CartLine line : this.lines) {
			Money lineTotal = line.lineTotal();
			if (lineTotal == null || !currency.equals(lineTotal.currency())) {
				return null;
			}
			total = total.add(lineTotal.amount());
		}
		return new Money(total, currency);
	}

	/**
	 * Adds the line, or as many more of it as the cart already holds, capped at
	 * {@link #MAX_QUANTITY}; the name and price just seen replace those seen before.
	 * @throws CartFullException when it is a new SKU and the cart already has {@link #MAX_LINES}
	 */
	Cart add(CartLine line) {
		CartLine existing = line(line.sku());
		if (existing == null) {
			if (this.lines.size() >= MAX_LINES) {
				throw new CartFullException();
			}
			List<CartLine> added = new ArrayList<>(this.lines);
			added.add(line.withQuantity(capped(line.quantity())));
			return new Cart(added);
		}
		return replace(line.withQuantity(capped(existing.quantity() + line.quantity())));
	}

	/** The cart with this SKU's quantity set; unchanged when the SKU is not in it. */
	Cart withQuantity(String sku, int quantity) {
		CartLine existing = line(sku);
		return (existing != null) ? replace(existing.withQuantity(capped(quantity))) : this;
	}

	Cart without(String sku) {
		return new Cart(this.lines.stream().filter((line) -> !line.sku().equals(sku)).toList());
	}

	/**
	 * This cart with another's lines added (the same SKU's quantities summed and capped). Lines
	 * that would take the cart past {@link #MAX_LINES} are left out.
	 */
	Cart mergedWith(Cart other) {
		Cart merged = this;
		for (CartLine line : other.lines) {
			if (merged.line(line.sku()) == null && merged.lines.size() >= MAX_LINES) {
				continue;
			}
			merged = merged.add(line);
		}
		return merged;
	}

	/** The cart with these SKUs at these unit prices (what the order service says they cost now). */
	Cart repriced(Map<String, Money> prices) {
		return new Cart(this.lines.stream()
			.map((line) -> prices.containsKey(line.sku()) ? line.withUnitPrice(prices.get(line.sku())) : line)
			.toList());
	}

	/**
	 * Changes whenever a SKU, quantity or price does: what an order placed from this cart would
	 * contain. Checkout ties its idempotency key to it.
	 */
	public String fingerprint() {
		StringBuilder text = new StringBuilder();
		for (CartLine line : this.lines) {
			Money price = line.unitPrice();
			text.append(line.sku()).append('\u0000').append(line.quantity()).append('\u0000');
			if (price != null && price.amount() != null) {
				text.append(price.amount().stripTrailingZeros().toPlainString()).append(price.currency());
			}
			text.append('\n');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private Cart replace(CartLine replacement) {
		return new Cart(this.lines.stream()
			.map((line) -> line.sku().equals(replacement.sku()) ? replacement : line)
			.toList());
	}

	private static int capped(int quantity) {
		return Math.max(1, Math.min(quantity, MAX_QUANTITY));
	}

}
