package com.blueprintshop.storefront.checkout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.blueprintshop.storefront.RedisPageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.blueprintshop.storefront.ShopFixtures.HEADPHONES;
import static com.blueprintshop.storefront.ShopFixtures.ORDER_ID;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Checkout against the stubbed payment and order services, with the shopper's cart in the
 * machine's Redis: the card is tokenized, the order placed under the idempotency key the page
 * was rendered with, and every way that can go wrong comes back to the form without losing what
 * was typed (except the card number and security code, which are never shown again).
 */
class CheckoutIntegrationTests extends RedisPageTestSupport {

	static final String TOKENS = "/api/payment/cards/tokens";

	static final String ORDERS = "/api/order/orders";

	static final String CARD_TOKEN = "{\"token\":\"tok_1\",\"last4\":\"4242\",\"brand\":\"VISA\"}";

	static final String ACCEPTED = "{\"orderId\":\"%s\",\"status\":\"PENDING\",\"statusUrl\":\"/api/order/orders/%s\"}"
		.formatted(ORDER_ID, ORDER_ID);

	static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	ClientRegistrationRepository registrations;

	String subject;

	RequestPostProcessor ada;

	final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void aShopperWithTwoWhiteHeadphonesInTheCart() throws Exception {
		this.subject = subject();
		this.ada = SignedIn.as(this.registrations.findByRegistrationId("identity"), this.subject, "Ada Lovelace",
				"ROLE_CUSTOMER", "ada-token");
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES);
		add("HP-1-WHT", "2");
	}

	@Test
	void sendsAnonymousShoppersToSignInFirst() throws Exception {
		this.mvc.perform(get("/checkout")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void showsTheOrderAndALabelledFormWithAnIdempotencyKey() throws Exception {
		String page = openCheckout();

		assertThat(page).contains("<th scope=\"row\">Studio headphones (White)</th>")
			.contains("<strong id=\"checkout-total\">€43.00</strong>")
			.contains("<form id=\"checkout-form\" class=\"stacked checkout-form\" method=\"post\" action=\"/checkout\">")
			.contains("name=\"_csrf\"")
			.containsSubsequence("<label for=\"name\">Full name</label>", "id=\"name\" name=\"name\" value=\"Ada Lovelace\"",
					"<label for=\"line1\">", "<label for=\"line2\">", "<label for=\"city\">", "<label for=\"postcode\">",
					"<label for=\"country\">", "<option value=\"IE\" selected=\"selected\">Ireland</option>",
					"4242 4242 4242 4242", "<label for=\"cardNumber\">Card number</label>",
					"<label for=\"expiryMonth\">", "<label for=\"expiryYear\">", "<label for=\"cvc\">",
					"<button id=\"place-order\" type=\"submit\" class=\"primary\">Place order</button>");
		assertThat(key(openCheckout())).as("the same key for the same cart").isEqualTo(key(page));
	}

	@Test
	void placesTheOrderUnderTheIdempotencyKeyEmptiesTheCartAndShowsTheStatusPage() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN).json("POST", ORDERS, 202, ACCEPTED);
		String key = key(openCheckout());

		placeOrder(key).andExpect(status().isFound()).andExpect(redirectedUrl("/orders/" + ORDER_ID));

		var tokenize = gateway.last("POST", TOKENS);
		assertThat(tokenize.header("Authorization")).isEqualTo("Bearer ada-token");
		assertThat(tokenize.bodyText())
			.isEqualTo("{\"number\":\"4242424242424242\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\"}");
		var order = gateway.last("POST", ORDERS);
		assertThat(order.header("Authorization")).isEqualTo("Bearer ada-token");
		assertThat(order.header("Idempotency-Key")).isEqualTo(key);
		assertThat(order.bodyText()).isEqualTo("{\"lines\":[{\"sku\":\"HP-1-WHT\",\"quantity\":2,"
				+ "\"unitPrice\":{\"amount\":21.50,\"currency\":\"EUR\"}}],"
				+ "\"payment\":{\"cardToken\":\"tok_1\",\"cardLast4\":\"4242\"},"
				+ "\"shippingAddress\":{\"name\":\"Ada Lovelace\",\"line1\":\"1 Main Street\",\"line2\":null,"
				+ "\"city\":\"Dublin\",\"postcode\":\"D01 F5P2\",\"country\":\"IE\"}}");
		assertThat(storedCart(this.subject)).as("the account cart, emptied").isNull();
	}

	@Test
	void aSecondSubmitOfAPlacedOrderGoesToThatOrderWithoutPlacingAnother() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN).json("POST", ORDERS, 202, ACCEPTED);
		String key = key(openCheckout());

		placeOrder(key).andExpect(redirectedUrl("/orders/" + ORDER_ID));
		placeOrder(key).andExpect(redirectedUrl("/orders/" + ORDER_ID));

		assertThat(count("POST", ORDERS)).isEqualTo(1);
		assertThat(count("POST", TOKENS)).isEqualTo(1);
	}

	@Test
	void placingAgainAfterTheOrderServiceFailedSendsTheSameKey() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN).json("POST", ORDERS, 503, "{\"status\":503}");
		String key = key(openCheckout());

		String failed = placeOrder(key).andExpect(status().isServiceUnavailable())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(failed).contains(CheckoutController.ORDER_UNAVAILABLE)
			.contains("value=\"1 Main Street\"")
			.contains("id=\"cardNumber\" name=\"cardNumber\" value=\"\" required")
			.doesNotContain("4242424242424242")
			.contains("id=\"cvc\" name=\"cvc\" value=\"\" required");
		assertThat(key(failed)).isEqualTo(key);

		gateway.json("POST", ORDERS, 202, ACCEPTED);
		placeOrder(key(failed)).andExpect(redirectedUrl("/orders/" + ORDER_ID));

		assertThat(gateway.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.path().equals(ORDERS))
			.map((r) -> r.header("Idempotency-Key"))).containsExactly(key, key);
	}

	@Test
	void showsChangedPricesAndPlacesTheOrderAtTheNewPricesOnceConfirmed() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN).json("POST", ORDERS, 409, """
				{"type":"https://blueprint.shop/problems/prices-changed","title":"Prices changed","status":409,
				 "detail":"Some prices have changed.",
				 "changes":[{"sku":"HP-1-WHT","productName":"Studio headphones",
				             "was":{"amount":21.50,"currency":"EUR"},"now":{"amount":23.00,"currency":"EUR"}}]}
				""");
		String key = key(openCheckout());

		String changed = placeOrder(key).andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(changed).contains(CheckoutController.PRICES_CHANGED)
			.containsSubsequence("<section id=\"price-changes\"", "<tr data-sku=\"HP-1-WHT\">",
					"<th scope=\"row\">Studio headphones</th>", "<del>€21.50</del>", "<ins>€23.00</ins>")
			.contains("<strong id=\"checkout-total\">€46.00</strong>")
			.contains("Confirm the new prices and place order")
			.contains("value=\"1 Main Street\"");
		assertThat(storedCart(this.subject)).contains("\"amount\":23.00");
		String confirmKey = key(changed);
		assertThat(confirmKey).isNotEqualTo(key);

		gateway.json("POST", ORDERS, 202, ACCEPTED);
		placeOrder(confirmKey).andExpect(redirectedUrl("/orders/" + ORDER_ID));
		var order = gateway.last("POST", ORDERS);
		assertThat(order.header("Idempotency-Key")).isEqualTo(confirmKey);
		assertThat(order.bodyText()).contains("\"unitPrice\":{\"amount\":23.00,\"currency\":\"EUR\"}");
	}

	@Test
	void showsThePaymentServicesCardErrorsNextToTheCardFieldsAndNeverTheCardAgain() throws Exception {
		gateway.json("POST", TOKENS, 422, """
				{"status":422,"title":"Unprocessable Content","errors":[
				  {"field":"number","message":"This card number is not valid."},
				  {"field":"cvc","message":"The security code has 3 digits."}]}
				""");

		String page = placeOrder(key(openCheckout())).andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsSubsequence("<label for=\"cardNumber\">Card number</label>",
				"id=\"cardNumber\" name=\"cardNumber\" value=\"\" required",
				"<p class=\"field-error\" id=\"cardNumber-error\">This card number is not valid.</p>",
				"<label for=\"cvc\">", "<p class=\"field-error\" id=\"cvc-error\">The security code has 3 digits.</p>")
			.contains("value=\"D01 F5P2\"")
			.doesNotContain("value=\"4242");
		assertThat(gateway.received("POST", ORDERS)).isFalse();
	}

	@Test
	void catchesObviousMistakesWithoutAskingThePaymentService() throws Exception {
		String page = placeOrder(key(openCheckout()), "1234", "13", "2030", "").andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"cardNumber-error\">Enter the card number: 12 to 19 digits.</p>")
			.contains("id=\"expiryMonth-error\">Enter the expiry month as a number from 1 to 12.</p>")
			.contains("id=\"cvc-error\">")
			.contains("value=\"13\"")
			.doesNotContain("value=\"1234\"");
		assertThat(gateway.received("POST", TOKENS)).isFalse();
	}

	@Test
	void showsTheOrderServicesFieldErrorsWhereTheShopperLooks() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN).json("POST", ORDERS, 422, """
				{"status":422,"title":"Unprocessable Content","errors":[
				  {"field":"lines[0].quantity","message":"at most 1 per order"},
				  {"field":"shippingAddress.postcode","message":"is not a postcode in Ireland"}]}
				""");

		String page = placeOrder(key(openCheckout())).andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<p>Studio headphones (White): at most 1 per order</p>")
			.contains("<p class=\"field-error\" id=\"postcode-error\">is not a postcode in Ireland</p>");
	}

	@Test
	void showsAnyOtherConflictAsAMessage() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN)
			.json("POST", ORDERS, 409, "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"Checkout is closed tonight.\"}");

		String page = placeOrder(key(openCheckout())).andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<p>Checkout is closed tonight.</p>").contains("id=\"place-order\"");
	}

	@Test
	void refusesAKeyFromBeforeTheCartChangedAndOffersTheOrderAsItIsNow() throws Exception {
		String key = key(openCheckout());
		add("HP-1-BLK", "1");

		String page = placeOrder(key).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(CheckoutController.STALE).contains("Studio headphones (Black)");
		assertThat(key(page)).isNotEqualTo(key);
		assertThat(gateway.received("POST", TOKENS)).isFalse();
	}

	@Test
	void keepsTheFormWhenThePaymentServiceIsDown() throws Exception {
		gateway.json("POST", TOKENS, 503, "{\"status\":503}");

		String page = placeOrder(key(openCheckout())).andExpect(status().isServiceUnavailable())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(CheckoutController.PAYMENT_UNAVAILABLE)
			.contains("value=\"Dublin\"")
			.contains("id=\"cardNumber\" name=\"cardNumber\" value=\"\" required");
	}

	@Test
	void signsTheShopperInAgainWhenTheGatewayRejectsTheirTokenAndComesBackToCheckout() throws Exception {
		gateway.json("POST", TOKENS, 201, CARD_TOKEN).json("POST", ORDERS, 401, "{\"status\":401}");

		placeOrder(key(openCheckout())).andExpect(redirectedUrl("/oauth2/authorization/identity"));

		SavedRequest comeBack = (SavedRequest) this.session.getAttribute("SPRING_SECURITY_SAVED_REQUEST");
		assertThat(comeBack.getRedirectUrl()).isEqualTo("http://localhost/checkout?continue");
		assertThat(comeBack.getMethod()).isEqualTo("GET");
		assertThat(comeBack.getParameterMap()).as("no card number kept in the session").isEmpty();
		assertThat(storedCart(this.subject)).as("the cart, waiting with the account").contains("HP-1-WHT");
	}

	@Test
	void aCheckoutPostedAfterTheSessionExpiredSignsInAgainAndComesBackToCheckout() throws Exception {
		MockHttpSession expired = new MockHttpSession();

		this.mvc.perform(post("/checkout").session(expired)
			.param("_csrf", "token-of-a-session-that-is-gone")
			.param("cardNumber", "4242424242424242"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/signin"));

		SavedRequest comeBack = (SavedRequest) expired.getAttribute("SPRING_SECURITY_SAVED_REQUEST");
		assertThat(comeBack.getRedirectUrl()).isEqualTo("http://localhost/checkout?continue");
		assertThat(comeBack.getParameterMap()).isEmpty();
	}

	private void add(String sku, String quantity) throws Exception {
		this.mvc.perform(post("/cart/lines").session(this.session)
			.with(this.ada)
			.with(csrf())
			.param("product", "studio-headphones")
			.param("sku", sku)
			.param("quantity", quantity)).andExpect(redirectedUrl("/p/studio-headphones"));
	}

	private String openCheckout() throws Exception {
		return this.mvc.perform(get("/checkout").session(this.session).with(this.ada))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private ResultActions placeOrder(String key) throws Exception {
		return placeOrder(key, "4242 4242 4242 4242", "12", "2030", "123");
	}

	private ResultActions placeOrder(String key, String card, String month, String year, String cvc) throws Exception {
		MockHttpServletRequestBuilder form = post("/checkout").session(this.session)
			.with(this.ada)
			.with(csrf())
			.param("idempotencyKey", key)
			.param("name", "Ada Lovelace")
			.param("line1", "1 Main Street")
			.param("line2", "")
			.param("city", "Dublin")
			.param("postcode", "D01 F5P2")
			.param("country", "IE")
			.param("cardNumber", card)
			.param("expiryMonth", month)
			.param("expiryYear", year)
			.param("cvc", cvc);
		return this.mvc.perform(form);
	}

	private static String key(String page) {
		Matcher key = KEY.matcher(page);
		assertThat(key.find()).as("an idempotency key in the checkout form").isTrue();
		return key.group(1);
	}

	private static long count(String method, String path) {
		return gateway.requests().stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).count();
	}

}
