package com.blueprintshop.storefront.home;

import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HomePageTests extends PageTestSupport {

	static final String ONE_PRODUCT = """
			[{"id":"p1","slug":"studio-headphones","name":"Studio headphones","price":{"amount":19.99,"currency":"EUR"},
			  "imageUrl":"/images/p1-0123456789abcdef.png","categorySlug":"headphones","categoryName":"Headphones",
			  "createdAt":"2026-02-01T10:00:00Z"}]
			""";

	@Test
	void showsFeaturedAndNewProductsAndTheDepartments() throws Exception {
		gateway.json("GET", "/api/catalog/products/featured", 200, ONE_PRODUCT)
			.json("GET", "/api/catalog/products/new", 200, ONE_PRODUCT.replace("Studio headphones", "Desk lamp"));

		String page = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(gateway.last("GET", "/api/catalog/products/featured").query()).isEqualTo("limit=8");
		assertThat(page).containsSubsequence("<h2 id=\"featured-heading\">Featured</h2>", "Studio headphones",
				"<h2 id=\"new-heading\">New in</h2>", "Desk lamp", "<h2 id=\"departments-heading\">Departments</h2>",
				"href=\"/c/audio\"", "12 products", "href=\"/c/home\"", "Home &amp; Garden");
		assertThat(page).doesNotContain("href=\"/c/headphones\"");
	}

	@Test
	void losesOnlyTheSectionCatalogCannotFill() throws Exception {
		gateway.json("GET", "/api/catalog/products/featured", 503, "{\"status\":503}")
			.json("GET", "/api/catalog/products/new", 200, ONE_PRODUCT);

		String page = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Featured products cannot be shown right now.").contains("Studio headphones");
	}

	@Test
	void keepsTheHeaderWhenCatalogIsDown() throws Exception {
		gateway.json("GET", "/api/catalog/categories", 503, "{\"status\":503}")
			.json("GET", "/api/catalog/products/featured", 503, "{\"status\":503}")
			.json("GET", "/api/catalog/products/new", 503, "{\"status\":503}");

		String page = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Featured products cannot be shown right now.")
			.contains("New products cannot be shown right now.")
			.contains("<a href=\"/signin\">Sign in</a>")
			.contains("<form class=\"site-search\"");
	}

}
