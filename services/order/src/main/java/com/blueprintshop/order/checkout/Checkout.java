package com.blueprintshop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.defaults.messaging.Outbox;
import com.blueprintshop.order.messaging.OrderEvents;
import com.blueprintshop.order.order.Customer;
import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.OrderLine;
import com.blueprintshop.order.order.OrderRepository;
import com.blueprintshop.order.order.ShippingAddress;
import com.blueprintshop.order.system.ApiException;
import com.blueprintshop.order.system.Money;
import com.blueprintshop.order.system.OrderProperties;
import com.blueprintshop.order.system.Topics;

/**
 * Checkout accepts fast: it validates the request, prices it with catalog, and then in one
 * transaction writes the order (PENDING, under the client's idempotency key) and its
 * {@code OrderPlaced} event to the outbox. Nothing else happens before the 202: reserving stock,
 * charging the card and confirming are the saga's, asynchronously, at the rate the consumers
 * manage (the course's load levelling). The same idempotency key sent again — a double click, a
 * retry after a lost answer — returns the order it created, and never creates a second. (The perf
 * lab's ablation, {@link SynchronousCheckout}, places the order here too and then runs the saga in
 * the request.)
 */
@Service
public class Checkout {

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private final CatalogPrices prices;

	private final OrderRepository orders;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final OrderProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	Checkout(CatalogPrices prices, OrderRepository orders, Outbox outbox, PlatformTransactionManager transactionManager,
			OrderProperties properties, JsonMapper json, Clock clock) {
		this.prices = prices;
		this.orders = orders;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @return the order placed, or the one placed earlier with the same key and the same request
	 */
	public Placed place(Customer customer, String idempotencyKey, CheckoutRequest request) {
		return place(customer, idempotencyKey, request, (order, cardToken) -> {
		});
	}

	/**
	 * Places the order as {@link #place(Customer, String, CheckoutRequest)} does and, in the same
	 * transaction, hands the new order to {@code alsoWrite} (the synchronous checkout begins its
	 * saga there). Nothing is handed over for a repeated request.
	 */
	Placed place(Customer customer, String idempotencyKey, CheckoutRequest request, AlsoWrite alsoWrite) {
		if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw ApiException.invalid("Idempotency-Key",
					"must be sent as a header: a value unique to this order (letters, digits, - and _), such as a UUID");
		}
		validate(request);
		String requestHash = hash(request);
		Placed earlier = earlier(customer, idempotencyKey, requestHash);
		if (earlier != null) {
			return earlier;
		}
		List<OrderLine> lines = price(request);
		Instant now = this.clock.instant();
		CheckoutRequest.Address address = request.shippingAddress();
		Order order = Order.place(UUID.randomUUID(), customer.id(), customer.email(), address.name().strip(), lines,
				request.payment().cardLast4(),
				new ShippingAddress(address.name().strip(), address.line1().strip(),
						(address.line2() != null && !address.line2().isBlank()) ? address.line2().strip() : null,
						address.city().strip(), address.postcode().strip(), address.country()),
				now);
		Boolean inserted = this.transactions.execute((status) -> {
			if (!this.orders.insert(order, idempotencyKey, requestHash)) {
				return false;
			}
			OrderEvents.OrderPlaced placed = OrderEvents.OrderPlaced.of(order, request.payment().cardToken(), now);
			this.outbox.append(Topics.ORDER_EVENTS, order.id().toString(), placed.eventId(), placed.type(), placed);
			alsoWrite.placed(order, request.payment().cardToken());
			return true;
		});
		if (!Boolean.TRUE.equals(inserted)) {
			// the same key committed by a concurrent request (a double click) a moment earlier
			Placed concurrent = earlier(customer, idempotencyKey, requestHash);
			if (concurrent != null) {
				return concurrent;
			}
			throw new IllegalStateException("Order with key " + idempotencyKey + " neither inserted nor found");
		}
		return new Placed(order.id(), false, order);
	}

	private Placed earlier(Customer customer, String idempotencyKey, String requestHash) {
		return this.orders.findByIdempotencyKey(customer.id(), idempotencyKey).map((placed) -> {
			if (!placed.requestHash().equals(requestHash)) {
				throw ApiException.unprocessable(List.of(new FieldError("Idempotency-Key",
						"was already used for a different order; send a new key for a new order")));
			}
			return new Placed(placed.orderId(), true, null);
		}).orElse(null);
	}

	private void validate(CheckoutRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.lines().size() > this.properties.maxLines()) {
			errors.add(new FieldError("lines", "must have at most " + this.properties.maxLines() + " lines"));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < request.lines().size(); i++) {
			CheckoutRequest.Line line = request.lines().get(i);
			if (line.quantity() > this.properties.maxQuantity()) {
				errors.add(new FieldError("lines[" + i + "].quantity",
						"must be at most " + this.properties.maxQuantity() + " per order"));
			}
			if (!seen.add(line.sku())) {
				errors.add(new FieldError("lines[" + i + "].sku", "appears twice; put the whole quantity on one line"));
			}
			if (!"EUR".equals(line.unitPrice().currency())) {
				errors.add(new FieldError("lines[" + i + "].unitPrice.currency", "must be EUR, the shop's currency"));
			}
		}
		if (!this.properties.countries().contains(request.shippingAddress().country())) {
			errors.add(new FieldError("shippingAddress.country",
					"must be one of the countries we deliver to: " + String.join(", ", this.properties.countries())));
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
	}

	/**
	 * Prices each line with catalog's current price. A SKU catalog no longer sells is refused; a
	 * price that changed since the shopper saw it is a conflict listing every change, so that the
	 * storefront can show them and ask the shopper to confirm.
	 */
	private List<OrderLine> price(CheckoutRequest request) {
		Map<String, CatalogPrices.Sku> known = this.prices
			.lookup(request.lines().stream().map(CheckoutRequest.Line::sku).toList());
		List<FieldError> unsellable = new ArrayList<>();
		List<Map<String, Object>> changes = new ArrayList<>();
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			CheckoutRequest.Line line = request.lines().get(i);
			CatalogPrices.Sku sku = known.get(line.sku());
			if (sku == null || !sku.sellable()) {
				unsellable.add(new FieldError("lines[" + i + "].sku", "is no longer sold"));
				continue;
			}
			Money asked = new Money(line.unitPrice().amount(), line.unitPrice().currency());
			if (!sku.price().sameAs(asked)) {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("sku", sku.sku());
				change.put("productName", sku.productName());
				change.put("was", asked);
				change.put("now", sku.price());
				changes.add(change);
			}
			lines.add(new OrderLine(i + 1, sku.sku(), sku.productId(), sku.productName(), line.quantity(), sku.price()));
		}
		if (!unsellable.isEmpty()) {
			throw ApiException.unprocessable(unsellable);
		}
		if (!changes.isEmpty()) {
			throw ApiException.conflict("prices-changed",
					"Prices changed since the cart was filled. Check the new prices and confirm the order again.",
					Map.of("changes", changes));
		}
		return lines;
	}

	/**
	 * Identifies a request by what it buys and where it goes, so a reused idempotency key with
	 * another order is caught. The card token is left out: a storefront tokenizes the card again
	 * for every submit, so a double click carries the same order with two tokens.
	 */
	private String hash(CheckoutRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(List.of(request.lines(), request.shippingAddress()))
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param orderId the order
	 * @param repeated whether it had been placed by an earlier request with the same key
	 * @param order the order as this request wrote it; {@code null} when repeated
	 */
	public record Placed(UUID orderId, boolean repeated, Order order) {
	}

	/** What else is written with a new order, in its transaction. */
	@FunctionalInterface
	interface AlsoWrite {

		void placed(Order order, String cardToken);

	}

}
