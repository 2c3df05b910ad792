package com.blueprintshop.storefront.cart;

import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.blueprintshop.storefront.catalog.Money;
import com.blueprintshop.storefront.system.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The current shopper's cart, wherever it lives: a guest's in the HTTP session (which is in
 * Redis, so any instance serves it), a signed-in shopper's with their account
 * ({@link AccountCarts}). A guest cart left in the session of someone who has signed in is merged
 * into their account cart the next time it is touched, should the merge at sign-in have failed.
 * The header shows the count ({@code ${@carts.count()}}).
 */
@Component("carts")
public class Carts {

	private static final Logger log = LoggerFactory.getLogger(Carts.class);

	static final String SESSION_ATTRIBUTE = "blueprint.cart";

	private final AccountCarts accounts;

	private final CartCodec codec;

	private final CurrentUser currentUser;

	Carts(AccountCarts accounts, CartCodec codec, CurrentUser currentUser) {
		this.accounts = accounts;
		this.codec = codec;
		this.currentUser = currentUser;
	}

	/** @throws CartUnavailableException when a signed-in shopper's cart cannot be read */
	public Cart cart(HttpServletRequest request) {
		String subject = this.currentUser.subject();
		if (subject == null) {
			return guestCart(request);
		}
		return guarded(() -> {
			if (!guestCart(request).isEmpty()) {
				return mergeGuestCart(request, subject);
			}
			return this.accounts.load(subject);
		});
	}

	/** @throws CartUnavailableException when a signed-in shopper's cart cannot be changed */
	Cart change(HttpServletRequest request, UnaryOperator<Cart> change) {
		String subject = this.currentUser.subject();
		if (subject == null) {
			Cart changed = change.apply(guestCart(request));
			saveGuestCart(request, changed);
			return changed;
		}
		return guarded(() -> {
			mergeGuestCart(request, subject);
			return this.accounts.update(subject, change);
		});
	}

	/** After an order is placed from it. */
	public void empty(HttpServletRequest request) {
		change(request, (cart) -> Cart.EMPTY);
	}

	/** The cart at the prices the order service quoted instead of those seen when adding. */
	public Cart reprice(HttpServletRequest request, Map<String, Money> prices) {
		return change(request, (cart) -> cart.repriced(prices));
	}

	/** Items in the current shopper's cart, for the header; null when it cannot be known. */
	public Integer count() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		try {
			return cart(attributes.getRequest()).count();
		}
		catch (CartUnavailableException ex) {
			log.debug("Cart count unknown: {}", ex.getMessage());
			return null;
		}
	}

	/** Moves a guest's cart into the account of the shopper who just signed in. */
	void signedIn(HttpServletRequest request, String subject) {
		guarded(() -> mergeGuestCart(request, subject));
	}

	private Cart mergeGuestCart(HttpServletRequest request, String subject) {
		Cart guest = guestCart(request);
		if (guest.isEmpty()) {
			return this.accounts.load(subject);
		}
		Cart merged = this.accounts.update(subject, (account) -> account.mergedWith(guest));
		// only once the account cart holds the lines: a failed merge leaves them for the next try
		saveGuestCart(request, Cart.EMPTY);
		return merged;
	}

	private Cart guestCart(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Cart.EMPTY;
		}
		return (session.getAttribute(SESSION_ATTRIBUTE) instanceof String stored) ? this.codec.decode(stored)
				: Cart.EMPTY;
	}

	private void saveGuestCart(HttpServletRequest request, Cart cart) {
		if (cart.isEmpty()) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(SESSION_ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(SESSION_ATTRIBUTE, this.codec.encode(cart));
	}

	private static Cart guarded(Supplier<Cart> call) {
		try {
			return call.get();
		}
		catch (DataAccessException ex) {
			throw new CartUnavailableException("The cart store did not answer: " + ex.getMessage(), ex);
		}
	}

}
