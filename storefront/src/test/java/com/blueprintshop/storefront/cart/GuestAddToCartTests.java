package com.blueprintshop.storefront.cart;

import java.net.URI;

import jakarta.servlet.http.HttpSession;

import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.blueprintshop.storefront.ShopFixtures.AVAILABILITY_PATH;
import static com.blueprintshop.storefront.ShopFixtures.HEADPHONES;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static com.blueprintshop.storefront.ShopFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A product page served to everyone carries no CSRF token, so the add-to-cart form of a visitor
 * without a session is protected by the browser's proof that the shop's own page posted it
 * ({@code Sec-Fetch-Site}, else {@code Origin}). Every other case is the ordinary CSRF check.
 */
class GuestAddToCartTests extends PageTestSupport {

	/** The shop as the browser sees it, behind the edge. */
	static final String SHOP = "https://localhost:8443";

	@BeforeEach
	void product() {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(9, 9));
	}

	@Test
	void acceptsTheFormFromTheShopsOwnPageByFetchMetadata() throws Exception {
		MvcResult added = this.mvc.perform(addTwoWhite().header("Sec-Fetch-Site", "same-origin")).andReturn();

		assertThat(added.getResponse().getStatus()).isEqualTo(302);
		assertThat(added.getResponse().getRedirectedUrl()).endsWith("/p/studio-headphones");
		HttpSession session = added.getRequest().getSession(false);
		assertThat(session).as("the cart's session").isNotNull();
		assertThat(cartPage((MockHttpSession) session)).contains("Cart (2)");
	}

	@Test
	void acceptsTheFormFromTheShopsOwnOriginWhenTheBrowserSendsNoFetchMetadata() throws Exception {
		MvcResult added = this.mvc.perform(addTwoWhite().header("Origin", SHOP)).andReturn();

		assertThat(added.getResponse().getStatus()).isEqualTo(302);
		assertThat(cartPage((MockHttpSession) added.getRequest().getSession(false))).contains("Cart (2)");
	}

	@Test
	void refusesTheFormFromAnotherSite() throws Exception {
		for (MockHttpServletRequestBuilder post : new MockHttpServletRequestBuilder[] {
				addTwoWhite().header("Origin", "https://evil.example"),
				addTwoWhite().header("Origin", "http://localhost:8443"),
				addTwoWhite().header("Sec-Fetch-Site", "cross-site").header("Origin", SHOP),
				addTwoWhite().header("Sec-Fetch-Site", "same-site"), addTwoWhite() }) {
			MvcResult refused = this.mvc.perform(post).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(403);
			// Spring Security's CSRF check itself may open a session to keep a token in; never a cart
			HttpSession session = refused.getRequest().getSession(false);
			assertThat((session != null) ? session.getAttribute(Carts.SESSION_ATTRIBUTE) : null).as("a cart").isNull();
		}
		assertThat(gateway.received("GET", PRODUCT_PATH)).as("the product looked up for the cart").isFalse();
	}

	@Test
	void checksTheTokenOfAVisitorWithASession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult refused = this.mvc.perform(addTwoWhite().session(session).header("Sec-Fetch-Site", "same-origin"))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(cartPage(session)).contains("Cart (0)");
	}

	@Test
	void keepsTheTokenOnEveryOtherForm() throws Exception {
		assertThat(this.mvc.perform(post(URI.create(SHOP + "/cart/update")).header("Sec-Fetch-Site", "same-origin")
			.param("sku", "HP-1-WHT")
			.param("quantity", "1")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post(URI.create(SHOP + "/signup")).header("Sec-Fetch-Site", "same-origin")
			.param("email", "ada@example.com")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	private static MockHttpServletRequestBuilder addTwoWhite() {
		return post(URI.create(SHOP + "/cart/lines")).param("product", "studio-headphones")
			.param("sku", "HP-1-WHT")
			.param("quantity", "2");
	}

	private String cartPage(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/cart").session(session)).andReturn().getResponse().getContentAsString();
	}

}
