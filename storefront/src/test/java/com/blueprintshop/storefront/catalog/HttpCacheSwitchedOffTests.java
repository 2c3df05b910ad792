package com.blueprintshop.storefront.catalog;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.ShopFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

import static com.blueprintshop.storefront.ShopFixtures.AVAILABILITY_PATH;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static com.blueprintshop.storefront.ShopFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** {@code shop.http-cache.enabled=false}, the ablation of layer 1: nothing may be reused without asking. */
@TestPropertySource(properties = "shop.http-cache.enabled=false")
class HttpCacheSwitchedOffTests extends PageTestSupport {

	@Test
	void catalogPagesHaveNoETagAndAreNotCacheable() throws Exception {
		gateway.json("GET", "/api/catalog/products/featured", 200, "[]")
			.json("GET", "/api/catalog/products/new", 200, "[]")
			.json("GET", "/api/catalog/categories/audio", 200, CategoryPageTests.AUDIO)
			.json("GET", "/api/catalog/categories/audio/products", 200, CategoryPageTests.SECOND_OF_FIVE_PAGES)
			.json("GET", PRODUCT_PATH, 200, ShopFixtures.HEADPHONES)
			.json("GET", AVAILABILITY_PATH, 200, availability(9, 3));
		for (String path : new String[] { "/", "/c/audio", "/p/studio-headphones" }) {
			// '*' matches any ETag: with the layer on, this would be a 304
			MockHttpServletResponse response = this.mvc.perform(get(path).header("If-None-Match", "*"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getHeader("ETag")).as(path).isNull();
			assertThat(response.getHeader("Last-Modified")).as(path).isNull();
			assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-cache");
			assertThat(response.getContentAsString()).as(path).isNotEmpty();
		}
		assertThat(gateway.received("GET", "/api/catalog/version")).as("catalog's version asked for").isFalse();
	}

	@Test
	void suggestionsAreNotCacheableEither() throws Exception {
		gateway.json("GET", "/api/catalog/search/suggest", 200, "[]");
		assertThat(this.mvc.perform(get("/search/suggest").param("q", "hea"))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control")).isEqualTo("no-cache");
	}

}
