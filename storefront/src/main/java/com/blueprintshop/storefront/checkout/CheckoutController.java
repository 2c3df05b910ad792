package com.blueprintshop.storefront.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.blueprintshop.storefront.cart.Cart;
import com.blueprintshop.storefront.cart.CartLine;
import com.blueprintshop.storefront.cart.CartUnavailableException;
import com.blueprintshop.storefront.cart.Carts;
import com.blueprintshop.storefront.catalog.Money;
import com.blueprintshop.storefront.order.OrderAccepted;
import com.blueprintshop.storefront.order.OrderClient;
import com.blueprintshop.storefront.order.PlaceOrder;
import com.blueprintshop.storefront.system.CurrentUser;
import com.blueprintshop.storefront.system.GatewayException;
import com.blueprintshop.storefront.system.RejectedInputException;
import com.blueprintshop.storefront.system.ReturnAfterSignIn;
import com.blueprintshop.storefront.system.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checkout: the shipping address and the card, then the order. The card is tokenized at the
 * payment service; the order goes to the order service with the idempotency key the page was
 * rendered with ({@link CheckoutKeys}), which answers 202 at once and runs the rest (stock,
 * payment) in its saga while the shopper watches the status page.
 *
 * <p>Nothing typed is lost on the way: a form that comes back (a field error, changed prices, a
 * service that did not answer) keeps the address and expiry, but never the card number or
 * security code. A shopper whose sign-in lapsed is sent through it again and back here; the cart
 * is kept with the account, the address in the session.
 */
@Controller
@RequestMapping("/checkout")
class CheckoutController {

	private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);

	static final String PATH = "/checkout";

	/** Sent through sign-in again at most once in this long; a second 401 is then a failure. */
	static final Duration SIGN_IN_AGAIN_AT_MOST_EVERY = Duration.ofMinutes(2);

	static final String STALE = "Your cart changed since this page was opened. Check your order below and place it again.";

	static final String PRICES_CHANGED = "Some prices have changed since you added the items. "
			+ "Check the new prices below and confirm your order.";

	static final String PAYMENT_UNAVAILABLE = "We could not reach the payment service, so nothing has been ordered "
			+ "or charged. Please try again in a minute.";

	static final String ORDER_UNAVAILABLE = "We could not reach the order service, so we cannot tell whether your "
			+ "order was placed. Place it again: it will not be placed twice.";

	private final Carts carts;

	private final CheckoutKeys keys;

	private final PaymentClient payment;

	private final OrderClient orders;

	private final CurrentUser currentUser;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final Clock clock;

	CheckoutController(Carts carts, CheckoutKeys keys, PaymentClient payment, OrderClient orders,
			CurrentUser currentUser, OAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
		this.carts = carts;
		this.keys = keys;
		this.payment = payment;
		this.orders = orders;
		this.currentUser = currentUser;
		this.authorizedClients = authorizedClients;
		this.clock = clock;
	}

	@GetMapping
	String checkout(HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Cart cart = this.carts.cart(request);
		if (cart.isEmpty()) {
			redirect.addFlashAttribute("notice", "Your cart is empty: add something to check out.");
			return "redirect:/cart";
		}
		HttpSession session = request.getSession();
		CheckoutForm form = CheckoutForm.of(this.keys.savedAddress(session));
		if (form.getName() == null) {
			form.setName(this.currentUser.displayName());
		}
		if (form.getCountry() == null) {
			form.setCountry(Countries.ALL.keySet().iterator().next());
		}
		model.addAttribute("checkoutForm", form);
		return page(model, session, cart, form);
	}

	@PostMapping
	String place(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@ModelAttribute("checkoutForm") CheckoutForm form, BindingResult binding, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		HttpSession session = request.getSession();
		UUID key = CheckoutKeys.uuid(form.getIdempotencyKey());
		if (key != null) {
			UUID placed = this.keys.placedWith(session, key);
			if (placed != null) {
				// a second click, or a resubmission, of an order already placed
				return "redirect:/orders/" + placed;
			}
		}
		this.keys.saveAddress(session, form.address());
		Cart cart = this.carts.cart(request);
		if (cart.isEmpty()) {
			redirect.addFlashAttribute("notice", "Your cart is empty: add something to check out.");
			return "redirect:/cart";
		}
		if (key == null || !key.equals(this.keys.current(session, cart))) {
			binding.reject("stale", STALE);
			return again(model, response, session, request, form, HttpStatus.CONFLICT);
		}
		CheckoutValidation.validate(form, binding, YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
		if (binding.hasErrors()) {
			return again(model, response, session, request, form, HttpStatus.BAD_REQUEST);
		}
		String token = client.getAccessToken().getTokenValue();

		PaymentClient.CardToken card;
		try {
			card = this.payment.tokenize(token, new PaymentClient.Card(form.cardDigits(),
					CheckoutValidation.number(form.getExpiryMonth(), 2), CheckoutValidation.year(form.getExpiryYear()),
					form.getCvc().strip()));
		}
		catch (RejectedInputException ex) {
			CheckoutErrors.bindCard(ex, binding);
			return again(model, response, session, request, form, status(ex));
		}
		catch (GatewayException ex) {
			if (signInAgain(ex, session)) {
				return signInAgain(authentication, request, response);
			}
			log.warn("Checkout could not tokenize a card: {}", ex.getMessage());
			binding.reject("unavailable", PAYMENT_UNAVAILABLE);
			return again(model, response, session, request, form, HttpStatus.SERVICE_UNAVAILABLE);
		}

		try {
			OrderAccepted accepted = this.orders.place(token, key, order(cart, card, form));
			this.keys.placed(session, key, accepted.orderId());
			emptyCart(request);
			return "redirect:/orders/" + accepted.orderId();
		}
		catch (RejectedInputException ex) {
			// refused: what is sent next is a new request, under a new key
			this.keys.forget(session);
			PricesChanged prices = pricesChanged(ex);
			if (prices != null) {
				Map<String, Money> now = new LinkedHashMap<>();
				prices.changes().forEach((change) -> now.put(change.sku(), change.now()));
				this.carts.reprice(request, now);
				model.addAttribute("priceChanges", prices.changes());
				binding.reject("pricesChanged", PRICES_CHANGED);
				return again(model, response, session, request, form, HttpStatus.CONFLICT);
			}
			if (ex.isConflict()) {
				binding.reject("conflict", ex.detail());
			}
			else {
				CheckoutErrors.bindOrder(ex, binding, cart);
			}
			return again(model, response, session, request, form, status(ex));
		}
		catch (GatewayException ex) {
			if (signInAgain(ex, session)) {
				return signInAgain(authentication, request, response);
			}
			// the same key stays: placing it again returns the order if this one got through
			log.warn("Checkout could not place an order: {}", ex.getMessage());
			binding.reject("unavailable", ORDER_UNAVAILABLE);
			return again(model, response, session, request, form, HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	private String page(Model model, HttpSession session, Cart cart, CheckoutForm form) {
		form.setIdempotencyKey(this.keys.forCart(session, cart).toString());
		model.addAttribute("cart", cart);
		model.addAttribute("countries", Countries.ALL);
		return "checkout";
	}

	private String again(Model model, HttpServletResponse response, HttpSession session, HttpServletRequest request,
			CheckoutForm form, HttpStatus status) {
		form.forgetCard();
		response.setStatus(status.value());
		return page(model, session, this.carts.cart(request), form);
	}

	private void emptyCart(HttpServletRequest request) {
		try {
			this.carts.empty(request);
		}
		catch (CartUnavailableException ex) {
			// the order is placed; a cart left full is the lesser harm, and the shopper sees it
			log.warn("An order was placed but its cart could not be emptied: {}", ex.getMessage());
		}
	}

	/**
	 * The gateway refused the shopper's token. Unless that already happened a moment ago (then
	 * signing in again would only loop), they sign in again and come back to checkout.
	 */
	private boolean signInAgain(GatewayException ex, HttpSession session) {
		if (!(ex instanceof ServiceUnavailableException unavailable) || !unavailable.tokenRejected()) {
			return false;
		}
		Instant now = this.clock.instant();
		if (session.getAttribute(CheckoutKeys.SIGNED_IN_AGAIN) instanceof Long last
				&& Instant.ofEpochMilli(last).plus(SIGN_IN_AGAIN_AT_MOST_EVERY).isAfter(now)) {
			return false;
		}
		session.setAttribute(CheckoutKeys.SIGNED_IN_AGAIN, now.toEpochMilli());
		return true;
	}

	private String signInAgain(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		this.authorizedClients.removeAuthorizedClient("identity", authentication, request, response);
		ReturnAfterSignIn.to(PATH, request, response);
		return "redirect:/oauth2/authorization/identity";
	}

	private static PlaceOrder order(Cart cart, PaymentClient.CardToken card, CheckoutForm form) {
		List<PlaceOrder.Line> lines = cart.lines()
			.stream()
			.map((CartLine line) -> new PlaceOrder.Line(line.sku(), line.quantity(), line.unitPrice()))
			.toList();
		return new PlaceOrder(lines, new PlaceOrder.Payment(card.token(), card.last4()), form.address());
	}

	private static PricesChanged pricesChanged(RejectedInputException ex) {
		if (!ex.isConflict() || ex.type() == null || !ex.type().endsWith(PricesChanged.TYPE_SUFFIX)) {
			return null;
		}
		PricesChanged changed = ex.problemAs(PricesChanged.class);
		return (changed != null && !changed.changes().isEmpty()) ? changed : null;
	}

	private static HttpStatus status(RejectedInputException ex) {
		HttpStatus status = HttpStatus.resolve(ex.status());
		return (status != null) ? status : HttpStatus.BAD_REQUEST;
	}

}
