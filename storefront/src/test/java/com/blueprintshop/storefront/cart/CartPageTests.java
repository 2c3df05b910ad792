package com.blueprintshop.storefront.cart;

import java.util.Map;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static com.blueprintshop.storefront.ShopFixtures.AVAILABILITY_PATH;
import static com.blueprintshop.storefront.ShopFixtures.HEADPHONES;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static com.blueprintshop.storefront.ShopFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A guest's cart, kept in the session: adding from the product page (and every way of getting
 * that form wrong), the cart page with live availability, changing and removing lines.
 */
class CartPageTests extends PageTestSupport {

	@Autowired
	ClientRegistrationRepository registrations;

	final MockHttpSession session = new MockHttpSession();

	@Test
	void addsAVariantAtItsOwnPriceAndShowsItInTheCartAndTheHeader() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(12, 12));

		add("HP-1-WHT", "2").andExpect(status().isFound())
			.andExpect(redirectedUrl("/p/studio-headphones"))
			.andExpect(flash().attribute("notice", "Added to your cart: 2 × Studio headphones (White)."));

		String cart = page("/cart");
		assertThat(cart).contains("<a href=\"/p/studio-headphones\">Studio headphones</a>")
			.contains("<span class=\"variant\">White</span>")
			.contains("<td>€21.50</td>")
			.contains("value=\"2\"")
			.contains("<td>€43.00</td>")
			.contains("<strong id=\"cart-subtotal\">€43.00</strong>")
			.contains("<a id=\"cart-link\" href=\"/cart\">Cart (2)</a>")
			.contains("id=\"checkout-link\"")
			.contains("Sign in and check out");
		assertThat(gateway.last("GET", AVAILABILITY_PATH).query()).isEqualTo("sku=HP-1-WHT");
	}

	@Test
	void addingTheSameVariantAgainAddsToItsQuantityUpToTen() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES);

		add("HP-1-BLK", "8");
		add("HP-1-BLK", "5").andExpect(flash().attribute("notice",
				"Your cart now holds 10 × Studio headphones (Black), the most one order can take."));

		assertThat(page("/cart")).contains("Cart (10)").contains("<td>€199.90</td>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "11", "two", "", "1.5", "99999999999" })
	void refusesAQuantityThatIsNotOneToTenAndSaysSoNextToTheField(String quantity) throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(5, 5));

		MvcResult added = add("HP-1-BLK", quantity).andExpect(status().isFound())
			.andExpect(redirectedUrl("/p/studio-headphones"))
			.andExpect(flash().attribute("problem", "Nothing was added to your cart: see below."))
			.andReturn();

		String product = this.mvc.perform(get("/p/studio-headphones").session(this.session)
			.flashAttrs(added.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(product).containsSubsequence("<label for=\"add-quantity\">Quantity</label>", "aria-invalid=\"true\"",
				"<p class=\"field-error\" id=\"add-quantity-error\">");
		assertThat(product).containsAnyOf(CartController.QUANTITY_OUT_OF_RANGE, CartController.QUANTITY_NOT_A_NUMBER);
		assertThat(page("/cart")).contains("Your cart is empty.").contains("Cart (0)");
	}

	@Test
	void refusesASkuThatIsNotOneOfTheProductsVariants() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(5, 5));

		MvcResult added = add("SOMETHING-ELSE", "1")
			.andExpect(flash().attribute("cartErrors", Map.of("sku", CartController.UNKNOWN_SKU)))
			.andReturn();

		String product = this.mvc.perform(get("/p/studio-headphones").session(this.session)
			.flashAttrs(added.getFlashMap())).andReturn().getResponse().getContentAsString();
		assertThat(product).contains("<p class=\"field-error\" id=\"add-sku-error\">"
				+ CartController.UNKNOWN_SKU.replace("'", "&#39;") + "</p>");
		assertThat(page("/cart")).contains("Your cart is empty.");
	}

	@Test
	void showsTheNotFoundPageForAProductThatDoesNotExist() throws Exception {
		this.mvc.perform(post("/cart/lines").session(this.session).with(csrf())
			.param("product", "gone")
			.param("sku", "X")
			.param("quantity", "1")).andExpect(status().isNotFound());
	}

	@Test
	void refusesAnAddWithoutTheCsrfToken() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES);

		this.mvc.perform(post("/cart/lines").session(this.session)
			.param("product", "studio-headphones")
			.param("sku", "HP-1-BLK")
			.param("quantity", "1")).andExpect(status().isForbidden());
		assertThat(page("/cart")).contains("Your cart is empty.");
	}

	@Test
	void showsEachLinesAvailabilityAndFlagsALineWithMoreThanIsAvailable() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(2, 12));
		add("HP-1-BLK", "3");
		add("HP-1-WHT", "1");

		String cart = page("/cart");

		assertThat(gateway.last("GET", AVAILABILITY_PATH).query()).isEqualTo("sku=HP-1-BLK&sku=HP-1-WHT");
		assertThat(cart).contains("id=\"cart-short\"")
			.containsSubsequence("<tr data-sku=\"HP-1-BLK\" class=\"short\">",
					"<td class=\"availability short-stock\">Only 2 available</td>", "<tr data-sku=\"HP-1-WHT\">",
					"<td class=\"availability in-stock\">In stock</td>");
	}

	@Test
	void saysAvailabilityIsUnknownWhenInventoryIsDownAndStillShowsTheCart() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES);
		add("HP-1-BLK", "1");
		gateway.json("GET", AVAILABILITY_PATH, 503, "{\"status\":503}");

		String cart = page("/cart");

		assertThat(cart).contains("id=\"availability-unknown\"")
			.contains("<td class=\"availability unknown\">Availability unknown</td>")
			.doesNotContain("id=\"cart-short\"")
			.contains("id=\"checkout-link\"");
	}

	@Test
	void changesALinesQuantityAndRemovesALine() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(5, 5));
		add("HP-1-BLK", "1");
		add("HP-1-WHT", "1");

		this.mvc.perform(post("/cart/update").session(this.session).with(csrf()).param("sku", "HP-1-BLK").param("quantity", "4"))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("notice", "Your cart now holds 4 × Studio headphones (Black)."));
		this.mvc.perform(post("/cart/remove").session(this.session).with(csrf()).param("sku", "HP-1-WHT"))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("notice", "Removed Studio headphones (White) from your cart."));

		assertThat(page("/cart")).contains("Cart (4)").doesNotContain("data-sku=\"HP-1-WHT\"");
	}

	@Test
	void keepsTheQuantityWhenTheNewOneIsOutOfRangeAndSaysWhyNextToIt() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(20, 20));
		add("HP-1-BLK", "2");

		MvcResult update = this.mvc.perform(post("/cart/update").session(this.session)
			.with(csrf())
			.param("sku", "HP-1-BLK")
			.param("quantity", "11")).andExpect(redirectedUrl("/cart")).andReturn();

		String cart = this.mvc.perform(get("/cart").session(this.session).flashAttrs(update.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cart).contains("value=\"11\"")
			.contains("<p class=\"field-error\" id=\"quantity-0-error\">" + CartController.QUANTITY_OUT_OF_RANGE + "</p>")
			.contains("Cart (2)");
	}

	@Test
	void aSignedInShopperWhoseCartStoreIsDownIsToldSoAndOtherPagesStillWork() throws Exception {
		// these tests' Redis does not answer: the account cart is unavailable
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(5, 5));
		var grace = SignedIn.as(this.registrations.findByRegistrationId("identity"), "Grace Hopper", "ROLE_CUSTOMER",
				"grace-token");

		this.mvc.perform(post("/cart/lines").with(grace).with(csrf())
			.param("product", "studio-headphones")
			.param("sku", "HP-1-BLK")
			.param("quantity", "1"))
			.andExpect(redirectedUrl("/p/studio-headphones"))
			.andExpect(flash().attribute("problem", CartController.CART_UNAVAILABLE));
		this.mvc.perform(get("/cart").with(grace)).andExpect(status().isServiceUnavailable());
		String product = this.mvc.perform(get("/p/studio-headphones").with(grace))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(product).contains("<a id=\"cart-link\" href=\"/cart\">Cart</a>");
	}

	private ResultActions add(String sku, String quantity) throws Exception {
		return this.mvc.perform(post("/cart/lines").session(this.session)
			.with(csrf())
			.param("product", "studio-headphones")
			.param("sku", sku)
			.param("quantity", quantity));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
