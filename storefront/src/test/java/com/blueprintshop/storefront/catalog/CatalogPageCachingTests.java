package com.blueprintshop.storefront.catalog;

import java.util.List;

import com.blueprintshop.storefront.GatewayStub;
import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.ShopFixtures;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.blueprintshop.storefront.ShopFixtures.AVAILABILITY_PATH;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static com.blueprintshop.storefront.ShopFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 6, layer 1: the catalog pages a visitor without a session sees are the same for all of
 * them, so they go out public for the edge's moment (s-maxage) with an ETag made from catalog's
 * version, and a revalidation is a 304 that costs catalog nothing. Anyone with a session gets a
 * private page; personal pages are never stored.
 */
class CatalogPageCachingTests extends PageTestSupport {

	static final String SHARED = "public, max-age=0, s-maxage=2, must-revalidate";

	static final String CATEGORY_PRODUCTS = "/api/catalog/categories/audio/products";

	static final List<String> CATALOG_PAGES = List.of("/", "/c/audio", "/p/studio-headphones", "/search?q=headphones");

	@Autowired
	ClientRegistrationRepository registrations;

	@BeforeEach
	void catalog() {
		gateway.json("GET", "/api/catalog/products/featured", 200, "[]")
			.json("GET", "/api/catalog/products/new", 200, "[]")
			.json("GET", "/api/catalog/categories/audio", 200, CategoryPageTests.AUDIO)
			.json("GET", CATEGORY_PRODUCTS, 200, CategoryPageTests.SECOND_OF_FIVE_PAGES)
			.json("GET", PRODUCT_PATH, 200, ShopFixtures.HEADPHONES)
			.json("GET", AVAILABILITY_PATH, 200, availability(9, 3))
			.json("GET", "/api/catalog/search", 200, """
					{"query":"headphones","page":1,"size":24,"totalItems":0,"totalPages":0,"didYouMean":null,
					 "items":[],"facets":{"categories":[],"prices":[]}}
					""");
	}

	@Test
	void anonymousCatalogPagesArePublicForAMomentWithAnETagAndCreateNoSession() throws Exception {
		for (String path : CATALOG_PAGES) {
			MvcResult result = this.mvc.perform(get(path)).andReturn();
			MockHttpServletResponse response = result.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo(SHARED);
			assertThat(response.getHeader("ETag")).as(path).startsWith("W/\"");
			assertThat(response.getHeaders("Vary")).as(path).anyMatch((vary) -> vary.contains("Cookie"));
			assertThat(response.getHeaders("Set-Cookie")).as(path).isEmpty();
			assertThat(result.getRequest().getSession(false)).as(path + " created a session").isNull();
			assertThat(response.getContentAsString()).as(path).doesNotContain("name=\"_csrf\"");
		}
	}

	@Test
	void pagesMadeOfCatalogDataOnlyAreDatedByCatalogsLastChange() throws Exception {
		MockHttpServletResponse category = this.mvc.perform(get("/c/audio")).andReturn().getResponse();
		assertThat(category.getDateHeader("Last-Modified")).isPositive();
		// availability is not dated: the product page has only its ETag
		MockHttpServletResponse product = this.mvc.perform(get("/p/studio-headphones")).andReturn().getResponse();
		assertThat(product.getHeader("Last-Modified")).isNull();
	}

	@Test
	void revalidatingAProductPageIsA304WithoutAskingCatalogForTheProduct() throws Exception {
		String etag = this.mvc.perform(get("/p/studio-headphones")).andReturn().getResponse().getHeader("ETag");
		long productCalls = gateway.count("GET", PRODUCT_PATH);

		MockHttpServletResponse revalidated = this.mvc
			.perform(get("/p/studio-headphones").header("If-None-Match", etag))
			.andReturn()
			.getResponse();

		assertThat(revalidated.getStatus()).isEqualTo(304);
		assertThat(revalidated.getContentAsString()).isEmpty();
		assertThat(revalidated.getHeader("ETag")).isEqualTo(etag);
		assertThat(revalidated.getHeader("Cache-Control")).isEqualTo(SHARED);
		assertThat(gateway.count("GET", PRODUCT_PATH)).as("catalog asked for the product").isEqualTo(productCalls);
	}

	@Test
	void revalidatingAListingIsA304WithoutAskingCatalogForItsProducts() throws Exception {
		for (String path : List.of("/c/audio?sort=price_asc", "/search?q=headphones", "/")) {
			String etag = this.mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag");
			long before = gateway.requests().size();

			MockHttpServletResponse revalidated = this.mvc.perform(get(path).header("If-None-Match", etag))
				.andReturn()
				.getResponse();

			assertThat(revalidated.getStatus()).as(path).isEqualTo(304);
			assertThat(revalidated.getContentAsString()).as(path).isEmpty();
			// at most catalog's version was asked (the departments are cached, the version for 500 ms)
			assertThat(gateway.requests().subList((int) before, gateway.requests().size()))
				.as(path)
				.extracting(GatewayStub.Recorded::path)
				.isSubsetOf("/api/catalog/version");
		}
	}

	@Test
	void aNewCatalogVersionMakesANewPageOnceTheVersionHeardIsOlderThanItsFreshness() throws Exception {
		String etag = this.mvc.perform(get("/c/audio")).andReturn().getResponse().getHeader("ETag");
		gateway.catalogVersion(42, "2026-03-01T12:05:00Z");

		// within 500 ms the instance goes on with the version it heard: still the same page
		assertThat(this.mvc.perform(get("/c/audio").header("If-None-Match", etag)).andReturn().getResponse().getStatus())
			.isEqualTo(304);
		assertThat(gateway.count("GET", "/api/catalog/version")).isOne();
		advanceClock(java.time.Duration.ofMillis(501));

		MockHttpServletResponse changed = this.mvc.perform(get("/c/audio").header("If-None-Match", etag))
			.andReturn()
			.getResponse();

		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isNotBlank().isNotEqualTo(etag);
		assertThat(changed.getContentAsString()).contains("<h1>Audio</h1>");
	}

	@Test
	void aChangeInTheAvailabilityShownMakesANewProductPage() throws Exception {
		String etag = this.mvc.perform(get("/p/studio-headphones")).andReturn().getResponse().getHeader("ETag");
		// 9 and 3 in stock read "In stock" and "Only 3 left"; 8 and 3 read the same
		gateway.json("GET", AVAILABILITY_PATH, 200, availability(8, 3));
		assertThat(this.mvc.perform(get("/p/studio-headphones").header("If-None-Match", etag))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(304);

		gateway.json("GET", AVAILABILITY_PATH, 200, availability(0, 3));
		MockHttpServletResponse soldOut = this.mvc.perform(get("/p/studio-headphones").header("If-None-Match", etag))
			.andReturn()
			.getResponse();
		assertThat(soldOut.getStatus()).isEqualTo(200);
		assertThat(soldOut.getHeader("ETag")).isNotEqualTo(etag);
		assertThat(soldOut.getContentAsString()).contains("Out of stock");
	}

	@Test
	void withoutCatalogsVersionThePageIsServedWithoutAnETag() throws Exception {
		gateway.json("GET", "/api/catalog/version", 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
		for (String path : CATALOG_PAGES) {
			MockHttpServletResponse response = this.mvc.perform(get(path).header("If-None-Match", "*"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getHeader("ETag")).as(path).isNull();
			assertThat(response.getContentAsString()).as(path).isNotEmpty();
		}
	}

	@Test
	void aHomePageMissingASectionGoesOutWithoutAnETag() throws Exception {
		gateway.json("GET", "/api/catalog/products/featured", 503, "{\"status\":503}");
		MockHttpServletResponse home = this.mvc.perform(get("/")).andReturn().getResponse();
		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(home.getHeader("ETag")).isNull();
	}

	@Test
	void signedInVisitorsGetPrivatePagesThatNoSharedCacheKeeps() throws Exception {
		for (String path : CATALOG_PAGES) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(ada())).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getHeader("Cache-Control")).as(path)
				.isEqualTo("private, no-cache")
				.doesNotContain("public")
				.doesNotContain("s-maxage");
			assertThat(response.getHeader("ETag")).as(path).isNull();
		}
	}

	@Test
	void aGuestWithASessionGetsPrivatePagesAndAFormWithItsToken() throws Exception {
		MockHttpSession session = new MockHttpSession();
		for (String path : CATALOG_PAGES) {
			MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
			assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("private, no-cache");
		}
		assertThat(this.mvc.perform(get("/p/studio-headphones").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()).containsSubsequence("id=\"add-to-cart\"", "name=\"_csrf\"", "name=\"product\"");
	}

	@Test
	void personalPagesAreNeverStored() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, """
				{"email":"ada@example.com","displayName":"Ada Lovelace","roles":["CUSTOMER"],"createdAt":"2026-01-15T09:30:00Z"}
				""").json("GET", "/api/order/orders", 200, "{\"items\":[],\"page\":1,\"size\":20,\"totalItems\":0,\"totalPages\":0}");
		for (String path : List.of("/account", "/orders", "/checkout", "/cart", "/notifications")) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(ada())).andReturn().getResponse();
			assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-store");
		}
		for (String path : List.of("/cart", "/signup", "/admin/catalog")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-store");
		}
	}

	@Test
	void otherPagesAreRevalidatedEveryTime() throws Exception {
		MockHttpServletResponse unknown = this.mvc.perform(get("/p/no-such-product")).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(unknown.getHeader("ETag")).isNull();
	}

	private RequestPostProcessor ada() {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), "Ada Lovelace", "ROLE_CUSTOMER",
				"ada-token");
	}

}
