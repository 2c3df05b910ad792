package com.blueprintshop.storefront.cart;

import com.blueprintshop.storefront.CodeFlow;
import com.blueprintshop.storefront.RedisPageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MvcResult;

import static com.blueprintshop.storefront.ShopFixtures.AVAILABILITY_PATH;
import static com.blueprintshop.storefront.ShopFixtures.HEADPHONES;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static com.blueprintshop.storefront.ShopFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A guest's cart moves into the account's cart (in Redis) when they sign in through the real
 * code flow: the same SKU's quantities added and capped, the guest cart emptied.
 */
class CartMergeIntegrationTests extends RedisPageTestSupport {

	@Autowired
	ClientRegistrationRepository registrations;

	@Test
	void mergesTheGuestCartIntoTheAccountCartWhenTheShopperSignsIn() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(20, 20));
		String subject = subject();
		// what the account cart holds already, from another device
		this.mvc.perform(post("/cart/lines").with(SignedIn.as(this.registrations.findByRegistrationId("identity"), subject,
				"Ada Lovelace", "ROLE_CUSTOMER", "ada-token"))
			.with(csrf())
			.param("product", "studio-headphones")
			.param("sku", "HP-1-BLK")
			.param("quantity", "8")).andExpect(status().isFound());
		MockHttpSession browser = new MockHttpSession();
		add(browser, "HP-1-BLK", "5");
		add(browser, "HP-1-WHT", "1");
		assertThat(browser.getAttribute("blueprint.cart")).isNotNull();

		MvcResult signedIn = CodeFlow.signIn(this.mvc, gateway, browser, subject, "Ada Lovelace");

		assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(storedCart(subject)).contains("\"sku\":\"HP-1-BLK\"")
			.contains("\"quantity\":10")
			.contains("\"sku\":\"HP-1-WHT\"")
			.contains("\"quantity\":1");
		assertThat(browser.getAttribute("blueprint.cart")).isNull();
		String cart = this.mvc.perform(get("/cart").session(browser))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cart).contains("<a id=\"cart-link\" href=\"/cart\">Cart (11)</a>").contains("Check out");
	}

	@Test
	void aGuestWhoChecksOutSignsInFirstAndComesBackToCheckoutWithTheMergedCart() throws Exception {
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES);
		String subject = subject();
		MockHttpSession browser = new MockHttpSession();
		add(browser, "HP-1-WHT", "2");

		this.mvc.perform(get("/checkout").session(browser)).andExpect(redirectedUrl("/signin"));
		MvcResult signedIn = CodeFlow.signIn(this.mvc, gateway, browser, subject, "Ada Lovelace");

		assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/checkout?continue");
		String checkout = this.mvc.perform(get(signedIn.getResponse().getRedirectedUrl()).session(browser))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checkout).contains("<th scope=\"row\">Studio headphones (White)</th>")
			.contains("<strong id=\"checkout-total\">€43.00</strong>")
			.contains("value=\"Ada Lovelace\"");
		assertThat(storedCart(subject)).contains("\"sku\":\"HP-1-WHT\"");
	}

	private void add(MockHttpSession browser, String sku, String quantity) throws Exception {
		this.mvc.perform(post("/cart/lines").session(browser)
			.with(csrf())
			.param("product", "studio-headphones")
			.param("sku", sku)
			.param("quantity", quantity)).andExpect(redirectedUrl("/p/studio-headphones"));
	}

}
