package com.blueprintshop.storefront.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SearchPageTests extends PageTestSupport {

	static final String RESULTS = """
			{"query":"hedphones","page":1,"size":24,"totalItems":2,"totalPages":1,"didYouMean":"headphones",
			 "items":[
			   {"id":"p1","slug":"studio-headphones","name":"Studio headphones","price":{"amount":19.99,"currency":"EUR"},
			    "imageUrl":null,"categorySlug":"headphones","categoryName":"Headphones","createdAt":"2026-02-01T10:00:00Z"},
			   {"id":"p3","slug":"earbuds","name":"Earbuds","price":{"amount":9.50,"currency":"EUR"},
			    "imageUrl":null,"categorySlug":"earphones","categoryName":"Earphones","createdAt":"2026-02-01T10:00:00Z"}],
			 "facets":{
			   "categories":[{"slug":"headphones","name":"Headphones","count":1},{"slug":"earphones","name":"Earphones","count":1}],
			   "prices":[{"min":null,"max":10,"label":"Under €10","count":1},{"min":10,"max":25,"label":"€10 – €25","count":1}]}}
			""";

	@Test
	void showsResultsWithFacetsThatKeepTheOtherFiltersAndADidYouMeanLink() throws Exception {
		gateway.json("GET", "/api/catalog/search", 200, RESULTS);

		String page = this.mvc.perform(get("/search").param("q", "hedphones").param("maxPrice", "50"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(gateway.last("GET", "/api/catalog/search").query())
			.isEqualTo("q=hedphones&page=1&size=24&maxPrice=50");
		assertThat(page).contains("Studio headphones").contains("Earbuds").contains("€9.50").contains("2 products");
		// a category facet keeps the price filter; a price facet keeps the query and replaces the price
		assertThat(page).contains("href=\"/search?q=hedphones&amp;category=headphones&amp;maxPrice=50\"")
			.contains("href=\"/search?q=hedphones&amp;maxPrice=10\"")
			.contains("href=\"/search?q=hedphones&amp;minPrice=10&amp;maxPrice=25\"")
			.contains("href=\"/search?q=hedphones\">Any price</a>")
			.contains("Under €10");
		assertThat(page).contains(
				"Did you mean <a href=\"/search?q=headphones&amp;maxPrice=50\">headphones</a>?");
		// both the header's search box and the page's own show what was searched
		assertThat(page).contains("<label for=\"search-query\">Search again</label>")
			.containsPattern("id=\"search-query\"[^>]*value=\"hedphones\"")
			.containsPattern("id=\"site-search\"[^>]*value=\"hedphones\"");
	}

	@Test
	void marksTheChosenCategoryAndOffersToDropIt() throws Exception {
		gateway.json("GET", "/api/catalog/search", 200, RESULTS);

		String page = this.mvc.perform(get("/search").param("q", "hedphones").param("category", "headphones"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(gateway.last("GET", "/api/catalog/search").query())
			.isEqualTo("q=hedphones&page=1&size=24&category=headphones");
		assertThat(page).contains("href=\"/search?q=hedphones\">Any category</a>")
			.contains("aria-current=\"true\" class=\"selected\"")
			.contains("href=\"/search?q=hedphones&amp;category=earphones\"");
	}

	@Test
	void passesWhatTheShopperTypedOnAsOneValue() throws Exception {
		gateway.json("GET", "/api/catalog/search", 200, RESULTS);

		this.mvc.perform(get("/search").param("q", "rock & roll + 50%")).andExpect(status().isOk());

		String query = gateway.last("GET", "/api/catalog/search").query();
		assertThat(query).startsWith("q=").contains("&page=1");
		String q = query.substring(2, query.indexOf("&page="));
		assertThat(URLDecoder.decode(q, StandardCharsets.UTF_8)).isEqualTo("rock & roll + 50%");
	}

	@Test
	void saysSoWhenNothingMatches() throws Exception {
		gateway.json("GET", "/api/catalog/search", 200, """
				{"query":"zzz","items":[],"page":1,"size":24,"totalItems":0,"totalPages":0,
				 "facets":{"categories":[],"prices":[]},"didYouMean":null}
				""");

		String page = this.mvc.perform(get("/search").param("q", "zzz").param("category", "audio"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("No products match “<span>zzz</span>” with these filters.")
			.contains("href=\"/search?q=zzz\">Search all products instead</a>")
			.doesNotContain("Did you mean");
	}

	@Test
	void asksWhatToLookForWithoutAQuery() throws Exception {
		String page = this.mvc.perform(get("/search"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<label for=\"search-query\">What are you looking for?</label>");
		assertThat(gateway.received("GET", "/api/catalog/search")).isFalse();
	}

	@Test
	void answersBadFiltersWith400() throws Exception {
		this.mvc.perform(get("/search").param("q", "x").param("minPrice", "cheap")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "x").param("minPrice", "50").param("maxPrice", "10"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "x".repeat(101))).andExpect(status().isBadRequest());
		assertThat(gateway.received("GET", "/api/catalog/search")).isFalse();
	}

	@Test
	void suggestsProductNamesAsJson() throws Exception {
		gateway.json("GET", "/api/catalog/search/suggest", 200,
				"[{\"name\":\"Studio headphones\",\"slug\":\"studio-headphones\"}]");

		this.mvc.perform(get("/search/suggest").param("q", "hea").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("Cache-Control", "max-age=60, public"))
			.andExpect(jsonPath("$[0].name").value("Studio headphones"))
			.andExpect(jsonPath("$[0].slug").value("studio-headphones"));
		assertThat(gateway.last("GET", "/api/catalog/search/suggest").query()).isEqualTo("q=hea&limit=8");
	}

	@Test
	void suggestsNothingWhileCatalogIsDown() throws Exception {
		gateway.json("GET", "/api/catalog/search/suggest", 503, "{\"status\":503}");

		this.mvc.perform(get("/search/suggest").param("q", "hea"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().json("[]"));
	}

}
