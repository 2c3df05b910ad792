package com.blueprintshop.storefront.catalog;

import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProductPageTests extends PageTestSupport {

	static final String HEADPHONES = """
			{"id":"8a6e0804-2bd0-4672-b79a-d97f5ad68baa","slug":"studio-headphones","name":"Studio headphones",
			 "description":"Closed-back.\\nFor long sessions.",
			 "category":{"slug":"headphones","name":"Headphones"},
			 "breadcrumbs":[{"slug":"audio","name":"Audio"}],
			 "price":{"amount":19.99,"currency":"EUR"},"status":"ACTIVE",
			 "skus":[{"sku":"HP-1-BLK","size":null,"colour":"Black","price":{"amount":19.99,"currency":"EUR"}},
			         {"sku":"HP-1-WHT","size":null,"colour":"White","price":{"amount":21.50,"currency":"EUR"}}],
			 "images":[{"url":"/images/a1-0123456789abcdef.png","alt":"Black studio headphones"},
			           {"url":"/images/a2-0123456789abcdef.webp","alt":"Side view"}],
			 "featured":true,"createdAt":"2026-02-01T10:00:00Z","updatedAt":"2026-02-01T10:00:00Z","version":3}
			""";

	@Test
	void showsImagesPriceVariantsAvailabilityAndBreadcrumbs() throws Exception {
		gateway.json("GET", "/api/catalog/products/studio-headphones", 200, HEADPHONES)
			.json("GET", "/api/inventory/availability", 200, "[{\"sku\":\"HP-1-BLK\",\"available\":3}]");

		String page = this.mvc.perform(get("/p/studio-headphones"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<h1 id=\"product-name\">Studio headphones</h1>")
			.contains("<p class=\"price\">€19.99</p>")
			.contains("src=\"/images/a1-0123456789abcdef.png\" alt=\"Black studio headphones\"")
			.contains("src=\"/images/a2-0123456789abcdef.webp\" alt=\"Side view\"")
			.contains("<p id=\"availability\" class=\"availability few-left\">Only 3 left</p>")
			.contains("<th scope=\"row\">HP-1-WHT</th>")
			.contains("<td>White</td>")
			.contains("<td>€21.50</td>")
			.containsSubsequence("<td class=\"availability few-left\">Only 3 left</td>",
					"<td class=\"availability out-of-stock\">Out of stock</td>");
		// inventory does not list the white one: none of it is available
		assertThat(gateway.last("GET", "/api/inventory/availability").query()).isEqualTo("sku=HP-1-BLK&sku=HP-1-WHT");
		// Home › Audio › Headphones › the product
		assertThat(page).containsSubsequence("<a href=\"/\">Home</a>", "<a href=\"/c/audio\">Audio</a>",
				"<a href=\"/c/headphones\">Headphones</a>", "<span aria-current=\"page\">Studio headphones</span>");
	}

	@Test
	void offersAnAddToCartFormOverTheVariantsWithTheFirstInStockChosen() throws Exception {
		gateway.json("GET", "/api/catalog/products/studio-headphones", 200, HEADPHONES)
			.json("GET", "/api/inventory/availability", 200,
					"[{\"sku\":\"HP-1-BLK\",\"available\":0},{\"sku\":\"HP-1-WHT\",\"available\":40}]");

		String page = this.mvc.perform(get("/p/studio-headphones"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// a visitor without a session gets no CSRF token (SameOriginGuestAddToCart stands in for it)
		assertThat(page).doesNotContain("name=\"_csrf\"");
		assertThat(page).contains("<p id=\"availability\" class=\"availability in-stock\">In stock</p>")
			.containsSubsequence("<form id=\"add-to-cart\" class=\"add-to-cart\" method=\"post\" action=\"/cart/lines\">",
					"<input type=\"hidden\" name=\"product\" value=\"studio-headphones\">",
					"<label for=\"add-sku\">Variant</label>",
					"<option value=\"HP-1-BLK\">Black · €19.99 · Out of stock</option>",
					"<option value=\"HP-1-WHT\" selected=\"selected\">White · €21.50 · In stock</option>",
					"<label for=\"add-quantity\">Quantity</label>",
					"<input id=\"add-quantity\" name=\"quantity\" type=\"number\" min=\"1\" max=\"10\"",
					"<button id=\"add-to-cart-button\" type=\"submit\" class=\"primary\">Add to cart</button>");
	}

	@Test
	void saysAvailabilityIsUnknownWhenInventoryIsDownAndStillShowsTheProduct() throws Exception {
		gateway.json("GET", "/api/catalog/products/studio-headphones", 200, HEADPHONES)
			.json("GET", "/api/inventory/availability", 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");

		String page = this.mvc.perform(get("/p/studio-headphones"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<p id=\"availability\" class=\"availability unknown\">Availability unknown</p>")
			.contains("id=\"add-to-cart\"");
	}

	@Test
	void showsMarkupInAProductNameAsText() throws Exception {
		gateway.json("GET", "/api/catalog/products/evil", 200, HEADPHONES.replace("\"name\":\"Studio headphones\"",
				"\"name\":\"<script>alert(1)</script>\"").replace("Closed-back.", "<img src=x onerror=alert(2)>"));

		String page = this.mvc.perform(get("/p/evil"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(2)&gt;")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<img src=x");
	}

	@Test
	void showsTheNotFoundPageWhenCatalogHasNoSuchProduct() throws Exception {
		gateway.json("GET", "/api/catalog/products/gone", 404,
				"{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No product gone\"}");

		String page = this.mvc.perform(get("/p/gone"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("We could not find that page").contains("<nav class=\"departments\"");
	}

	@Test
	void showsTheUnavailablePageWhenTheGatewayAnswers503() throws Exception {
		gateway.json("GET", "/api/catalog/products/studio-headphones", 503,
				"{\"status\":503,\"title\":\"Service Unavailable\"}");

		String page = this.mvc.perform(get("/p/studio-headphones"))
			.andExpect(status().isServiceUnavailable())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("This part of the shop is taking a break").doesNotContain("Exception");
	}

	@Test
	void showsTheUnavailablePageWhenTheGatewayHangsUp() throws Exception {
		gateway.hangUp("GET", "/api/catalog/products/studio-headphones");

		this.mvc.perform(get("/p/studio-headphones")).andExpect(status().isServiceUnavailable());
	}

}
