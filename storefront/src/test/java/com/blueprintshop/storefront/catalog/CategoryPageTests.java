package com.blueprintshop.storefront.catalog;

import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CategoryPageTests extends PageTestSupport {

	static final String AUDIO = """
			{"id":"c1","slug":"audio","name":"Audio","description":"Everything you listen with.",
			 "parentSlug":null,"breadcrumbs":[{"slug":"audio","name":"Audio"}],
			 "children":[{"slug":"headphones","name":"Headphones"},{"slug":"speakers","name":"Speakers"}]}
			""";

	static final String SECOND_OF_FIVE_PAGES = """
			{"items":[
			  {"id":"p1","slug":"studio-headphones","name":"Studio headphones","price":{"amount":19.99,"currency":"EUR"},
			   "imageUrl":"/images/p1-0123456789abcdef.png","categorySlug":"headphones","categoryName":"Headphones",
			   "createdAt":"2026-02-01T10:00:00Z"},
			  {"id":"p2","slug":"desk-speaker","name":"Desk speaker","price":{"amount":120.00,"currency":"EUR"},
			   "imageUrl":null,"categorySlug":"speakers","categoryName":"Speakers","createdAt":"2026-02-02T10:00:00Z"}],
			 "page":2,"size":24,"totalItems":110,"totalPages":5}
			""";

	@Test
	void showsTheCategorysProductsWithSortFormAndPagination() throws Exception {
		gateway.json("GET", "/api/catalog/categories/audio", 200, AUDIO)
			.json("GET", "/api/catalog/categories/audio/products", 200, SECOND_OF_FIVE_PAGES);

		String page = this.mvc.perform(get("/c/audio").param("sort", "price_asc").param("page", "2"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		var products = gateway.last("GET", "/api/catalog/categories/audio/products");
		assertThat(products.query()).isEqualTo("sort=price_asc&page=2&size=24");
		assertThat(products.header("Authorization")).as("public catalog calls are anonymous").isNull();
		assertThat(page).contains("<h1>Audio</h1>")
			.contains("Studio headphones")
			.contains("€19.99")
			.contains("€120.00")
			.contains("src=\"/images/p1-0123456789abcdef.png\"")
			.contains("href=\"/p/studio-headphones\"")
			.contains("href=\"/c/headphones\"");
		// sorting works without JavaScript: a GET form with a labelled select and a button
		assertThat(page).containsPattern("<form class=\"sort\" method=\"get\" action=\"/c/audio\">")
			.contains("<label for=\"sort\">Sort by</label>")
			.containsPattern("<option value=\"price_asc\" selected=\"selected\">Price: low to high</option>")
			.contains("<button type=\"submit\">Sort</button>");
		// previous, next and numbered pages keep the sort order
		assertThat(page).contains("<a rel=\"prev\" href=\"/c/audio?sort=price_asc\">Previous</a>")
			.contains("<a rel=\"next\" href=\"/c/audio?sort=price_asc&amp;page=3\">Next</a>")
			.contains("<link rel=\"prev\" href=\"/c/audio?sort=price_asc\">")
			.contains("<link rel=\"next\" href=\"/c/audio?sort=price_asc&amp;page=3\">")
			.contains("href=\"/c/audio?sort=price_asc&amp;page=5\"")
			.contains("<span aria-current=\"page\">2</span>");
	}

	@Test
	void answersAnUnknownSortOrderWith400WithoutAskingCatalog() throws Exception {
		this.mvc.perform(get("/c/audio").param("sort", "cheapest"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not by &#39;cheapest&#39;")));
		assertThat(gateway.received("GET", "/api/catalog/categories/audio")).isFalse();
	}

	@Test
	void answersANonNumericPageWith400() throws Exception {
		this.mvc.perform(get("/c/audio").param("page", "two")).andExpect(status().isBadRequest());
	}

	@Test
	void showsTheNotFoundPageForACategoryCatalogDoesNotKnow() throws Exception {
		gateway.json("GET", "/api/catalog/categories/nothing-here", 404,
				"{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No category nothing-here\"}");

		this.mvc.perform(get("/c/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("We could not find that page")));
	}

}
