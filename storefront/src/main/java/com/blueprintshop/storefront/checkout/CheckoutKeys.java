package com.blueprintshop.storefront.checkout;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import com.blueprintshop.storefront.cart.Cart;
import com.blueprintshop.storefront.order.Address;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What checkout keeps in the session between the page and its submission.
 *
 * <p>The idempotency key: minted when the checkout page is shown for a cart, and tied to that
 * cart's contents (its fingerprint), so that every submission of the same order, a double click
 * or a retry after a timeout, carries the same key and the order service places it once. A
 * changed cart gets a new key. Once an order is placed, its key is remembered with the order, and
 * a late second submission goes to that order's page.
 *
 * <p>The shipping address last typed, so that a shopper sent through sign-in again finds it
 * filled in. Never the card.
 */
@Component
class CheckoutKeys {

	static final String KEY = "blueprint.checkout.key";

	static final String PLACED = "blueprint.checkout.placed";

	static final String ADDRESS = "blueprint.checkout.address";

	static final String SIGNED_IN_AGAIN = "blueprint.checkout.signed-in-again";

	private final JsonMapper json;

	CheckoutKeys(JsonMapper json) {
		this.json = json;
	}

	/** The key for this cart: the one already minted for it, else a new one. */
	UUID forCart(HttpSession session, Cart cart) {
		UUID current = current(session, cart);
		if (current != null) {
			return current;
		}
		UUID key = UUID.randomUUID();
		session.setAttribute(KEY, key + " " + cart.fingerprint());
		return key;
	}

	/** The key minted for this cart as it is now, or null (none yet, or the cart has changed). */
	UUID current(HttpSession session, Cart cart) {
		String[] stored = pair(session.getAttribute(KEY));
		return (stored != null && stored[1].equals(cart.fingerprint())) ? uuid(stored[0]) : null;
	}

	/** The order service refused the request: whatever is sent next is a new one. */
	void forget(HttpSession session) {
		session.removeAttribute(KEY);
	}

	void placed(HttpSession session, UUID key, UUID orderId) {
		session.removeAttribute(KEY);
		session.setAttribute(PLACED, key + " " + orderId);
	}

	/** The order already placed with this key, or null. */
	UUID placedWith(HttpSession session, UUID key) {
		String[] stored = pair(session.getAttribute(PLACED));
		return (stored != null && stored[0].equals(key.toString())) ? uuid(stored[1]) : null;
	}

	void saveAddress(HttpSession session, Address address) {
		session.setAttribute(ADDRESS, this.json.writeValueAsString(address));
	}

	Address savedAddress(HttpSession session) {
		if (session != null && session.getAttribute(ADDRESS) instanceof String stored) {
			try {
				return this.json.readValue(stored, Address.class);
			}
			catch (JacksonException unreadable) {
				session.removeAttribute(ADDRESS);
			}
		}
		return null;
	}

	static UUID uuid(String text) {
		if (text == null || text.strip().length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException notAKey) {
			return null;
		}
	}

	private static String[] pair(Object stored) {
		if (stored instanceof String text) {
			String[] parts = text.split(" ", 2);
			if (parts.length == 2) {
				return parts;
			}
		}
		return null;
	}

}
