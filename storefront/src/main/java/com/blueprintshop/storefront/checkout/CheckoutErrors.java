package com.blueprintshop.storefront.checkout;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.blueprintshop.storefront.cart.Cart;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.validation.BindingResult;

/**
 * Puts the payment and order services' field errors where the shopper looks for them: a card
 * field's next to that field, an address field's next to the address field, a line's (such as
 * {@code lines[0].quantity}) at the top, naming the product.
 */
final class CheckoutErrors {

	private static final Map<String, String> CARD_FIELDS = Map.of("number", "cardNumber", "cardNumber", "cardNumber",
			"expiryMonth", "expiryMonth", "expiryYear", "expiryYear", "cvc", "cvc");

	private static final Set<String> ADDRESS_FIELDS = Set.of("name", "line1", "line2", "city",
			"postcode", "country");

	private static final Pattern LINE = Pattern.compile("^lines\\[(\\d{1,3})\\](?:\\.(.+))?$");

	private CheckoutErrors() {
	}

	static void bindCard(RejectedInputException rejection, BindingResult form) {
		for (RejectedInputException.FieldProblem error : rejection.errors()) {
			String field = (error.field() != null) ? CARD_FIELDS.get(error.field()) : null;
			if (field != null) {
				form.rejectValue(field, "rejected", error.message());
			}
			else {
				form.reject("rejected", error.message());
			}
		}
		if (rejection.errors().isEmpty()) {
			form.reject("rejected", rejection.detail());
		}
	}

	static void bindOrder(RejectedInputException rejection, BindingResult form, Cart cart) {
		for (RejectedInputException.FieldProblem error : rejection.errors()) {
			String field = (error.field() != null) ? error.field() : "";
			if (field.startsWith("shippingAddress.") && ADDRESS_FIELDS.contains(field.substring(16))) {
				form.rejectValue(field.substring(16), "rejected", error.message());
				continue;
			}
			Matcher line = LINE.matcher(field);
			if (line.matches()) {
				int index = Integer.parseInt(line.group(1));
				String title = (index < cart.lines().size()) ? cart.lines().get(index).title() : "An item";
				form.reject("rejected", title + ": " + error.message());
				continue;
			}
			form.reject("rejected", error.message());
		}
		if (rejection.errors().isEmpty()) {
			form.reject("rejected", rejection.detail());
		}
	}

}
