package com.blueprintshop.storefront.admin;

import java.nio.charset.StandardCharsets;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.ShopFixtures;
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

/** Stock uploads for warehouse staff; payment provider settings and dead letters for admins. */
class StaffPagesTests extends PageTestSupport {

	static final String UPLOADS = "/api/inventory/admin/stock/uploads";

	static final String CSV = "sku,warehouse,on_hand\nHP-1-BLK,DUB,12\nHP-1-WHT,NOWHERE,3\nHP-1-RED,DUB,-1\n";

	@Autowired
	ClientRegistrationRepository registrations;

	@Test
	void uploadsAStockFileAndReportsTheRejectedRowsByLine() throws Exception {
		gateway.json("POST", UPLOADS, 200, """
				{"rows":3,"applied":1,"unchanged":0,"batches":1,
				 "rejected":[{"line":3,"sku":"HP-1-WHT","reason":"unknown warehouse NOWHERE"},
				             {"line":4,"sku":"HP-1-RED","reason":"on_hand must be 0 or more"}]}
				""");

		String page = this.mvc.perform(multipart("/admin/stock/uploads").file(csv(CSV)).with(warehouse()).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		var upload = gateway.last("POST", UPLOADS);
		assertThat(upload.header("Authorization")).isEqualTo("Bearer warehouse-token");
		assertThat(upload.header("Content-Type")).startsWith("multipart/form-data");
		assertThat(new String(upload.body(), StandardCharsets.UTF_8))
			.contains("Content-Disposition: form-data; name=\"file\"; filename=\"stock.csv\"")
			.contains(CSV);
		assertThat(page).contains("<dd id=\"report-rows\">3</dd>")
			.contains("<dd id=\"report-applied\">1</dd>")
			.contains("<dd id=\"report-rejected\">2</dd>")
			.containsSubsequence("<table id=\"rejected-rows\"", "<th scope=\"row\">3</th>", "<td>HP-1-WHT</td>",
					"<td>unknown warehouse NOWHERE</td>", "<th scope=\"row\">4</th>", "<td>on_hand must be 0 or more</td>");
	}

	@Test
	void showsWhyAFileCouldNotBeReadNextToTheFileField() throws Exception {
		gateway.json("POST", UPLOADS, 422, """
				{"status":422,"title":"Unprocessable Content","detail":"The first line must be sku,warehouse,on_hand"}
				""");

		String page = this.mvc.perform(multipart("/admin/stock/uploads").file(csv("id;count\n1;2\n"))
			.with(warehouse())
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

		assertThat(page).containsSubsequence("<input id=\"stock-file\" type=\"file\"", "aria-invalid=\"true\"",
				"<p class=\"field-error\" id=\"stock-file-error\">The first line must be sku,warehouse,on_hand</p>")
			.doesNotContain("id=\"upload-report\"");
	}

	@Test
	void asksForAFileWithoutCallingInventoryWhenNoneWasChosen() throws Exception {
		String page = this.mvc.perform(multipart("/admin/stock/uploads").file(csv("")).with(warehouse()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"stock-file-error\">Choose a CSV file with the columns sku,warehouse,on_hand.</p>");
		assertThat(gateway.received("POST", UPLOADS)).isFalse();
	}

	@Test
	void looksUpOneSkusStockInEachWarehouse() throws Exception {
		gateway.json("GET", "/api/inventory/admin/stock", 200, """
				{"sku":"HP-1-BLK","warehouses":[{"code":"DUB","name":"Dublin","onHand":10,"reserved":2,"available":8},
				                                {"code":"CRK","name":"Cork","onHand":5,"reserved":0,"available":5}]}
				""");

		String page = this.mvc.perform(get("/admin/stock").param("sku", "HP-1-BLK").with(warehouse()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(gateway.last("GET", "/api/inventory/admin/stock").query()).isEqualTo("sku=HP-1-BLK");
		assertThat(page).containsSubsequence("<table id=\"stock-levels\"", "<th scope=\"row\">Dublin (DUB)</th>",
				"<td>10</td>", "<td>2</td>", "<td>8</td>", "All warehouses", "<td>15</td>", "<td>2</td>", "<td>13</td>");
	}

	@Test
	void saysSoWhenInventoryHasNoStockForASku() throws Exception {
		gateway.json("GET", "/api/inventory/admin/stock", 404, "{\"status\":404}");

		String page = this.mvc.perform(get("/admin/stock").param("sku", "NOPE").with(warehouse()))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"stock-sku-error\">Inventory has no stock recorded for NOPE.</p>");
	}

	@Test
	void refusesEveryStaffPageToACustomer() throws Exception {
		for (String path : new String[] { "/admin/stock", "/admin/payment", "/admin/dead-letters" }) {
			this.mvc.perform(get(path).with(customer())).andExpect(status().isForbidden());
		}
		this.mvc.perform(multipart("/admin/stock/uploads").file(csv(CSV)).with(customer()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(gateway.requests().stream().filter((r) -> r.path().contains("/admin/"))).isEmpty();
	}

	@Test
	void letsWarehouseStaffUseTheStockPageAndNoOtherStaffPage() throws Exception {
		String page = this.mvc.perform(get("/admin/stock").with(warehouse()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<li><a href=\"/admin/stock\">Stock</a></li>")
			.contains("<a href=\"/admin/stock\" aria-current=\"page\">Stock</a>")
			.doesNotContain("href=\"/admin/payment\"")
			.doesNotContain("href=\"/admin/catalog\"");
		this.mvc.perform(get("/admin/payment").with(warehouse())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/catalog").with(warehouse())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/stock").with(admin())).andExpect(status().isOk());
	}

	@Test
	void showsAndChangesThePaymentProvidersSettings() throws Exception {
		gateway.json("GET", "/api/payment/admin/provider", 200, "{\"latencyMs\":0,\"declineRate\":0.0,\"outage\":false}")
			.json("PUT", "/api/payment/admin/provider", 200, "{\"latencyMs\":250,\"declineRate\":0.25,\"outage\":true}");

		String page = this.mvc.perform(get("/admin/payment").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"0\"").contains("value=\"0.0\"").contains("Dead letters");

		this.mvc.perform(post("/admin/payment").with(admin())
			.with(csrf())
			.param("latencyMs", "250")
			.param("declineRate", "0.25")
			.param("outage", "true"))
			.andExpect(redirectedUrl("/admin/payment"))
			.andExpect(flash().attribute("notice", "Provider settings saved."));

		var put = gateway.last("PUT", "/api/payment/admin/provider");
		assertThat(put.bodyText()).isEqualTo("{\"latencyMs\":250,\"declineRate\":0.25,\"outage\":true}");
		assertThat(put.header("Authorization")).isEqualTo("Bearer admin-token");
	}

	@Test
	void showsThePaymentServicesErrorsAndTypingMistakesNextToTheFields() throws Exception {
		gateway.json("PUT", "/api/payment/admin/provider", 400, """
				{"status":400,"errors":[{"field":"declineRate","message":"must be between 0 and 1"}]}
				""");

		String rejected = this.mvc.perform(post("/admin/payment").with(admin())
			.with(csrf())
			.param("latencyMs", "10")
			.param("declineRate", "1.5"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rejected).contains("<p class=\"field-error\" id=\"declineRate-error\">must be between 0 and 1</p>")
			.contains("value=\"1.5\"");

		gateway.reset();
		String mistyped = this.mvc.perform(post("/admin/payment").with(admin())
			.with(csrf())
			.param("latencyMs", "fast")
			.param("declineRate", "0.1"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mistyped).contains(
				"<p class=\"field-error\" id=\"latencyMs-error\">Enter a whole number of milliseconds, such as 250.</p>");
		assertThat(gateway.received("PUT", "/api/payment/admin/provider")).isFalse();
	}

	@Test
	void replaysADeadLetterAndSaysWhyAReplayWasRefused() throws Exception {
		gateway.json("GET", "/api/notification/admin/dead-letters", 200, """
				[{"id":"dl-7","topic":"order.events","key":"%s","eventId":"e-1","type":"OrderPlaced",
				  "error":"Cannot deserialize value","parkedAt":"2026-03-01T12:00:00Z","replayedAt":null,"lastReplayError":null}]
				""".formatted(ShopFixtures.ORDER_ID))
			.json("POST", "/api/notification/admin/dead-letters/dl-7/replay", 200, "{}")
			.json("POST", "/api/notification/admin/dead-letters/dl-8/replay", 409,
					"{\"status\":409,\"title\":\"Conflict\",\"detail\":\"It was replayed already\"}");

		String page = this.mvc.perform(get("/admin/dead-letters").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(gateway.last("GET", "/api/notification/admin/dead-letters").query()).isEqualTo("state=parked");
		assertThat(page).contains("<td class=\"error-text\">Cannot deserialize value</td>")
			.contains("action=\"/admin/dead-letters/dl-7/replay\"");

		this.mvc.perform(post("/admin/dead-letters/dl-7/replay").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/dead-letters"))
			.andExpect(flash().attribute("notice", "Message dl-7 sent back to its topic."));
		this.mvc.perform(post("/admin/dead-letters/dl-8/replay").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/dead-letters"))
			.andExpect(flash().attribute("problem", "Message dl-8 was not replayed: It was replayed already"));
		assertThat(gateway.last("POST", "/api/notification/admin/dead-letters/dl-7/replay").header("Authorization"))
			.isEqualTo("Bearer admin-token");
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "stock.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private RequestPostProcessor warehouse() {
		return user("Wanda Store", "ROLE_WAREHOUSE", "warehouse-token");
	}

	private RequestPostProcessor admin() {
		return user("Grace Hopper", "ROLE_ADMIN", "admin-token");
	}

	private RequestPostProcessor customer() {
		return user("Ada Lovelace", "ROLE_CUSTOMER", "ada-token");
	}

	private RequestPostProcessor user(String name, String role, String token) {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), name, role, token);
	}

}
