package com.blueprintshop.storefront.admin;

import java.nio.charset.StandardCharsets;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminCatalogPageTests extends PageTestSupport {

	static final String ID = "8a6e0804-2bd0-4672-b79a-d97f5ad68baa";

	static final String PRODUCT = """
			{"id":"%s","slug":"studio-headphones","name":"Studio headphones","description":"Closed-back.",
			 "category":{"slug":"headphones","name":"Headphones"},"breadcrumbs":[],
			 "price":{"amount":19.99,"currency":"EUR"},"status":"ACTIVE","skus":[],
			 "images":[{"url":"/images/a1-0123456789abcdef.png","alt":"Studio headphones"}],
			 "featured":false,"createdAt":"2026-02-01T10:00:00Z","updatedAt":"2026-02-01T10:00:00Z","version":3}
			""".formatted(ID);

	static final String CATEGORIES = """
			[{"id":"c1","slug":"audio","name":"Audio","parentSlug":null,"depth":0,"productCount":12,"status":"ACTIVE"},
			 {"id":"c2","slug":"headphones","name":"Headphones","parentSlug":"audio","depth":1,"productCount":7,"status":"ACTIVE"},
			 {"id":"c9","slug":"tapes","name":"Tapes","parentSlug":"audio","depth":1,"productCount":0,"status":"RETIRED"}]
			""";

	@Autowired
	ClientRegistrationRepository registrations;

	@Test
	void listsProductsWithSearchStatusFilterAndPagesUsingTheAdminsToken() throws Exception {
		gateway.json("GET", "/api/catalog/admin/products", 200, """
				{"items":[{"id":"%s","slug":"studio-headphones","name":"Studio headphones",
				  "price":{"amount":19.99,"currency":"EUR"},"status":"RETIRED","categorySlug":"headphones",
				  "updatedAt":"2026-02-01T10:00:00Z","version":3}],
				 "page":1,"size":20,"totalItems":41,"totalPages":3}
				""".formatted(ID));

		String page = this.mvc.perform(get("/admin/catalog").param("q", "studio").param("status", "RETIRED").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		var request = gateway.last("GET", "/api/catalog/admin/products");
		assertThat(request.header("Authorization")).isEqualTo("Bearer admin-token");
		assertThat(request.query()).isEqualTo("q=studio&status=RETIRED&page=1&size=20");
		assertThat(page).contains("href=\"/admin/catalog/products/" + ID + "\">Studio headphones</a>")
			.contains("<td>Retired</td>")
			.contains("<td>€19.99</td>")
			.contains("2026-02-01 10:00 UTC")
			.contains("<option value=\"RETIRED\" selected=\"selected\">Retired</option>")
			.contains("<a rel=\"next\" href=\"/admin/catalog?q=studio&amp;status=RETIRED&amp;page=2\">Next</a>");
	}

	@Test
	void editsAProductWithItsVersionInAHiddenField() throws Exception {
		gateway.json("GET", "/api/catalog/admin/products/" + ID, 200, PRODUCT)
			.json("GET", "/api/catalog/admin/categories", 200, CATEGORIES);

		String page = this.mvc.perform(get("/admin/catalog/products/" + ID).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<input type=\"hidden\" id=\"version\" name=\"version\" value=\"3\">")
			.contains("value=\"Studio headphones\"")
			.contains("<option value=\"headphones\" selected=\"selected\">– Headphones</option>")
			.doesNotContain("Tapes")
			.contains("value=\"19.99\"")
			.contains("accept=\"image/png,image/jpeg,image/webp\"")
			.contains("enctype=\"multipart/form-data\"")
			.contains("action=\"/admin/catalog/products/" + ID + "/retire\"");
	}

	@Test
	void savesChangesWithTheVersionAndComesBack() throws Exception {
		gateway.json("PUT", "/api/catalog/admin/products/" + ID, 200, PRODUCT);

		this.mvc.perform(post("/admin/catalog/products/" + ID).with(admin())
			.with(csrf())
			.param("name", "Studio headphones II")
			.param("description", "Closed-back.")
			.param("categorySlug", "headphones")
			.param("price", "24.50")
			.param("featured", "true")
			.param("version", "3"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/catalog/products/" + ID));

		assertThat(gateway.last("PUT", "/api/catalog/admin/products/" + ID).bodyText())
			.isEqualTo("{\"name\":\"Studio headphones II\",\"description\":\"Closed-back.\",\"categorySlug\":\"headphones\","
					+ "\"price\":{\"amount\":24.50,\"currency\":\"EUR\"},\"featured\":true,\"version\":3}");
	}

	@Test
	void tellsTheAdminToReloadWhenSomeoneElseChangedTheProduct() throws Exception {
		gateway.json("PUT", "/api/catalog/admin/products/" + ID, 409,
				"{\"status\":409,\"title\":\"Conflict\",\"detail\":\"The product was changed by someone else\"}")
			.json("GET", "/api/catalog/admin/products/" + ID, 200, PRODUCT)
			.json("GET", "/api/catalog/admin/categories", 200, CATEGORIES);

		String page = this.mvc.perform(post("/admin/catalog/products/" + ID).with(admin())
			.with(csrf())
			.param("name", "My new name")
			.param("categorySlug", "headphones")
			.param("price", "24.50")
			.param("version", "2"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Someone else changed this product")
			.contains("Reload the product")
			.contains("value=\"My new name\"");
	}

	@Test
	void showsCatalogsFieldErrorsNextToTheFields() throws Exception {
		gateway.json("PUT", "/api/catalog/admin/products/" + ID, 400, """
				{"status":400,"title":"Bad Request","errors":[
				  {"field":"price.amount","message":"must be greater than 0"},
				  {"field":"name","message":"size must be between 1 and 120"}]}
				""")
			.json("GET", "/api/catalog/admin/products/" + ID, 200, PRODUCT)
			.json("GET", "/api/catalog/admin/categories", 200, CATEGORIES);

		String page = this.mvc.perform(post("/admin/catalog/products/" + ID).with(admin())
			.with(csrf())
			.param("name", "")
			.param("categorySlug", "headphones")
			.param("price", "0")
			.param("version", "3"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsSubsequence("<label for=\"name\">",
				"<p class=\"field-error\" id=\"name-error\">size must be between 1 and 120</p>", "<label for=\"price\">",
				"<p class=\"field-error\" id=\"price-error\">must be greater than 0</p>");
	}

	@Test
	void asksForANumberWhenThePriceIsNotOneWithoutCallingCatalog() throws Exception {
		gateway.json("GET", "/api/catalog/admin/products/" + ID, 200, PRODUCT)
			.json("GET", "/api/catalog/admin/categories", 200, CATEGORIES);

		String page = this.mvc.perform(post("/admin/catalog/products/" + ID).with(admin())
			.with(csrf())
			.param("name", "Studio headphones")
			.param("categorySlug", "headphones")
			.param("price", "twenty")
			.param("version", "3"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<p class=\"field-error\" id=\"price-error\">Enter an amount such as 19.99.</p>");
		assertThat(gateway.received("PUT", "/api/catalog/admin/products/" + ID)).isFalse();
	}

	@Test
	void uploadsAnImageAsMultipartWithTheAdminsToken() throws Exception {
		gateway.json("POST", "/api/catalog/admin/products/" + ID + "/images", 201,
				"{\"url\":\"/images/a2-0123456789abcdef.png\",\"alt\":\"Studio headphones\"}");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

		this.mvc.perform(multipart("/admin/catalog/products/" + ID + "/images")
			.file(new MockMultipartFile("file", "side.png", "image/png", png))
			.with(admin())
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/catalog/products/" + ID))
			.andExpect(flash().attribute("notice", "Image added."));

		var upload = gateway.last("POST", "/api/catalog/admin/products/" + ID + "/images");
		assertThat(upload.header("Authorization")).isEqualTo("Bearer admin-token");
		assertThat(upload.header("Content-Type")).startsWith("multipart/form-data");
		assertThat(new String(upload.body(), StandardCharsets.ISO_8859_1))
			.contains("Content-Disposition: form-data; name=\"file\"; filename=\"side.png\"")
			.contains("Content-Type: image/png")
			.contains("PNG");
	}

	@Test
	void passesOnWhyCatalogRejectedAnImage() throws Exception {
		gateway.json("POST", "/api/catalog/admin/products/" + ID + "/images", 400,
				"{\"status\":400,\"errors\":[{\"field\":\"file\",\"message\":\"only PNG, JPEG or WebP images\"}]}");

		this.mvc.perform(multipart("/admin/catalog/products/" + ID + "/images")
			.file(new MockMultipartFile("file", "evil.svg", "image/svg+xml", "<svg/>".getBytes()))
			.with(admin())
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("problem", "only PNG, JPEG or WebP images"));
	}

	@Test
	void retiresAndRestoresWithPostForms() throws Exception {
		gateway.json("POST", "/api/catalog/admin/products/" + ID + "/retire", 200, PRODUCT)
			.json("POST", "/api/catalog/admin/products/" + ID + "/restore", 200, PRODUCT);

		this.mvc.perform(post("/admin/catalog/products/" + ID + "/retire").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/catalog/products/" + ID));
		this.mvc.perform(post("/admin/catalog/products/" + ID + "/restore").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/catalog/products/" + ID));

		assertThat(gateway.received("POST", "/api/catalog/admin/products/" + ID + "/retire")).isTrue();
		assertThat(gateway.received("POST", "/api/catalog/admin/products/" + ID + "/restore")).isTrue();
	}

	@Test
	void createsAProductAndOpensItForImages() throws Exception {
		gateway.json("POST", "/api/catalog/admin/products", 201, PRODUCT);

		this.mvc.perform(post("/admin/catalog/products").with(admin())
			.with(csrf())
			.param("name", "Studio headphones")
			.param("description", "Closed-back.")
			.param("categorySlug", "headphones")
			.param("price", "19.99"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/catalog/products/" + ID));

		assertThat(gateway.last("POST", "/api/catalog/admin/products").bodyText()).isEqualTo(
				"{\"name\":\"Studio headphones\",\"description\":\"Closed-back.\",\"categorySlug\":\"headphones\","
						+ "\"price\":{\"amount\":19.99,\"currency\":\"EUR\"},\"featured\":false}");
	}

	@Test
	void listsCategoriesAndReportsWhyOneCannotBeRetired() throws Exception {
		gateway.json("GET", "/api/catalog/admin/categories", 200, CATEGORIES)
			.json("POST", "/api/catalog/admin/categories/audio/retire", 409,
					"{\"status\":409,\"title\":\"Conflict\",\"detail\":\"Audio still has active products\"}");

		String page = this.mvc.perform(get("/admin/catalog/categories").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/admin/catalog/categories/headphones\">Headphones</a>")
			.contains("action=\"/admin/catalog/categories/audio/retire\"")
			.doesNotContain("action=\"/admin/catalog/categories/tapes/retire\"");

		this.mvc.perform(post("/admin/catalog/categories/audio/retire").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/catalog/categories"))
			.andExpect(flash().attribute("problem", "Audio still has active products"));
	}

	@Test
	void showsTheNotFoundPageForAnUnknownProductId() throws Exception {
		gateway.json("GET", "/api/catalog/admin/products/" + ID, 404, "{\"status\":404}");

		this.mvc.perform(get("/admin/catalog/products/" + ID).with(admin())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/catalog/products/not-a-uuid").with(admin())).andExpect(status().isBadRequest());
	}

	private RequestPostProcessor admin() {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), "Grace Hopper", "ROLE_ADMIN", "admin-token");
	}

}
