package com.blueprintshop.storefront.cart;

import java.util.ArrayList;
import java.util.List;

import com.blueprintshop.storefront.catalog.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A cart as the small JSON document kept in the session (a guest's) or in Redis (an account's):
 * plain text, so any storefront instance of any version reads it, never a serialized Java class.
 * What cannot be read, or breaks the cart's limits, is dropped rather than failing the page.
 */
@Component
class CartCodec {

	private static final Logger log = LoggerFactory.getLogger(CartCodec.class);

	static final int VERSION = 1;

	private final JsonMapper json;

	CartCodec(JsonMapper json) {
		this.json = json;
	}

	String encode(Cart cart) {
		List<Stored.Line> lines = cart.lines()
			.stream()
			.map((l) -> new Stored.Line(l.sku(), l.productSlug(), l.productName(), l.variant(), l.unitPrice(), l.quantity()))
			.toList();
		return this.json.writeValueAsString(new Stored(VERSION, lines));
	}

	Cart decode(String text) {
		if (text == null || text.isBlank()) {
			return Cart.EMPTY;
		}
		Stored stored;
		try {
			stored = this.json.readValue(text, Stored.class);
		}
		catch (JacksonException ex) {
			log.warn("A stored cart could not be read and is treated as empty: {}", ex.getOriginalMessage());
			return Cart.EMPTY;
		}
		List<CartLine> lines = new ArrayList<>();
		if (stored.lines() != null) {
			for (Stored.Line line : stored.lines()) {
				if (lines.size() < Cart.MAX_LINES && valid(line)
						&& lines.stream().noneMatch((l) -> l.sku().equals(line.sku()))) {
					lines.add(new CartLine(line.sku(), line.slug(), line.name(), line.variant(), line.price(),
							Math.min(line.quantity(), Cart.MAX_QUANTITY)));
				}
			}
		}
		return new Cart(lines);
	}

	private static boolean valid(Stored.Line line) {
		return line != null && line.sku() != null && !line.sku().isBlank() && line.quantity() >= 1
				&& line.price() != null && line.price().amount() != null && line.price().currency() != null;
	}

	/** The stored form; short names keep the value small. */
	record Stored(int v, List<Line> lines) {

		record Line(String sku, String slug, String name, String variant, Money price, int quantity) {
		}

	}

}
