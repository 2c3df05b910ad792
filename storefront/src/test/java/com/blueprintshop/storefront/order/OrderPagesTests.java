package com.blueprintshop.storefront.order;

import java.time.Duration;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.blueprintshop.storefront.ShopFixtures.ORDER_ID;
import static com.blueprintshop.storefront.ShopFixtures.order;
import static com.blueprintshop.storefront.ShopFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The status page of one order (followed live while pending), the order history, cancelling. */
class OrderPagesTests extends PageTestSupport {

	static final String ORDER_PATH = "/api/order/orders/" + ORDER_ID;

	static final String STATUS_PATH = ORDER_PATH + "/status";

	@Autowired
	ClientRegistrationRepository registrations;

	@Test
	void showsAPendingOrdersStatusAndFollowsItWithAScriptOrByReloading() throws Exception {
		gateway.json("GET", ORDER_PATH, 200, order("PENDING", true));

		String page = page("/orders/" + ORDER_ID);

		assertThat(gateway.last("GET", ORDER_PATH).header("Authorization")).isEqualTo("Bearer ada-token");
		assertThat(page).containsPattern("<strong id=\"order-status\" class=\"order-status\" data-status=\"PENDING\"\\s+"
				+ "data-events-url=\"/orders/" + ORDER_ID + "/events\\?since=PENDING\"\\s*>PENDING</strong>")
			.contains("<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>")
			.containsPattern("<script src=\"/static/js/order-status-[0-9a-f]{32}\\.js\" defer></script>")
			.contains("<form id=\"cancel-order\" method=\"post\" action=\"/orders/" + ORDER_ID + "/cancel\">")
			.contains("<td>€21.50</td>")
			.contains("<strong id=\"order-total\">€43.00</strong>")
			.contains("ending 4242")
			.doesNotContain("<script>")
			.doesNotContain("style=");
	}

	@Test
	void aConfirmedOrderIsNeitherReloadedNorFollowed() throws Exception {
		gateway.json("GET", ORDER_PATH, 200, order("CONFIRMED", false));

		String page = page("/orders/" + ORDER_ID);

		assertThat(page).contains(">CONFIRMED</strong>")
			.doesNotContain("http-equiv=\"refresh\"")
			.doesNotContain("data-events-url")
			.doesNotContain("order-status.js")
			.doesNotContain("id=\"cancel-order\"");
	}

	@Test
	void showsTheNotFoundPageForAnOrderThatIsNotTheShoppers() throws Exception {
		gateway.json("GET", ORDER_PATH, 404, "{\"status\":404,\"title\":\"Not Found\"}");

		this.mvc.perform(get("/orders/" + ORDER_ID).with(ada())).andExpect(status().isNotFound());
		this.mvc.perform(get("/orders/" + ORDER_ID + "/events").param("since", "PENDING").with(ada()))
			.andExpect(status().isNotFound());
		assertThat(gateway.received("GET", STATUS_PATH)).isFalse();
	}

	@Test
	void streamsTheChangeWhenThePendingOrderIsConfirmedAndThenEnds() throws Exception {
		gateway.json("GET", ORDER_PATH, 200, order("PENDING", true))
			.json("GET", STATUS_PATH, 200, status("PENDING", null));

		MvcResult stream = this.mvc.perform(get("/orders/" + ORDER_ID + "/events").param("since", "PENDING")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.with(ada())).andExpect(request().asyncStarted()).andReturn();
		// the order service answers "still PENDING" for a while, then the saga confirms the order
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString()).contains(":still PENDING"));
		assertThat(stream.getResponse().getContentAsString()).doesNotContain("event:status");
		gateway.json("GET", STATUS_PATH, 200, status("CONFIRMED", null));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString()).contains("event:status"));
		this.mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());

		String events = stream.getResponse().getContentAsString();
		assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
		assertThat(stream.getResponse().getHeader("X-Accel-Buffering")).isEqualTo("no");
		assertThat(events).contains("retry:3000")
			.contains("id:CONFIRMED\nevent:status\ndata:{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"CONFIRMED\"");
		var poll = gateway.last("GET", STATUS_PATH);
		assertThat(poll.query()).isEqualTo("unlike=PENDING&wait=10");
		assertThat(poll.header("Authorization")).isEqualTo("Bearer ada-token");
	}

	@Test
	void aStreamOpenedBehindTheOrderSaysAtOnceWhereItIs() throws Exception {
		gateway.json("GET", ORDER_PATH, 200, order("REJECTED", false).replace("\"reason\":null",
				"\"reason\":\"One of the items is out of stock.\""));

		MvcResult stream = this.mvc.perform(get("/orders/" + ORDER_ID + "/events").param("since", "PENDING")
			.with(ada())).andExpect(request().asyncStarted()).andReturn();
		this.mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());

		assertThat(stream.getResponse().getContentAsString()).contains("event:status")
			.contains("\"status\":\"REJECTED\",\"reason\":\"One of the items is out of stock.\"")
			.contains("\"cancellable\":false");
		assertThat(gateway.received("GET", STATUS_PATH)).isFalse();
	}

	@Test
	void listsTheOrderHistoryPageByPage() throws Exception {
		gateway.json("GET", "/api/order/orders", 200, """
				{"items":[{"orderId":"%s","status":"CONFIRMED","total":{"amount":43.00,"currency":"EUR"},
				           "itemCount":2,"createdAt":"2026-03-01T12:00:00Z"}],
				 "page":2,"size":20,"totalItems":41,"totalPages":3}
				""".formatted(ORDER_ID));

		String page = page("/orders?page=2");

		assertThat(gateway.last("GET", "/api/order/orders").query()).isEqualTo("page=2&size=20");
		assertThat(page).contains("<table id=\"order-history\">")
			.contains("<caption>41 orders</caption>")
			.contains("<a href=\"/orders/" + ORDER_ID + "\">5F8E2A9C</a>")
			.contains("<td class=\"order-status\">CONFIRMED</td>")
			.contains("<td>€43.00</td>")
			.contains("1 Mar 2026, 12:00 UTC")
			.contains("<a rel=\"prev\" href=\"/orders\">Previous</a>")
			.contains("<a rel=\"next\" href=\"/orders?page=3\">Next</a>");
		this.mvc.perform(get("/orders").param("page", "0").with(ada())).andExpect(status().isBadRequest());
	}

	@Test
	void cancelsAnOrderAndFollowsItUntilTheCancellationIsDone() throws Exception {
		gateway.json("POST", ORDER_PATH + "/cancel", 202, "{\"orderId\":\"%s\",\"status\":\"CONFIRMED\"}".formatted(ORDER_ID))
			.json("GET", ORDER_PATH, 200, order("CONFIRMED", true));

		MvcResult cancel = this.mvc.perform(post("/orders/" + ORDER_ID + "/cancel").with(ada()).with(csrf()))
			.andExpect(redirectedUrl("/orders/" + ORDER_ID))
			.andExpect(flash().attribute("notice", "We are cancelling your order. This page shows when it is done."))
			.andReturn();

		assertThat(gateway.last("POST", ORDER_PATH + "/cancel").header("Authorization")).isEqualTo("Bearer ada-token");
		String page = this.mvc.perform(get("/orders/" + ORDER_ID).with(ada()).flashAttrs(cancel.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-events-url=\"/orders/" + ORDER_ID + "/events?since=CONFIRMED&amp;until=CANCELLED\"");
	}

	@Test
	void saysWhyAnOrderCouldNotBeCancelled() throws Exception {
		gateway.json("POST", ORDER_PATH + "/cancel", 409,
				"{\"status\":409,\"title\":\"Conflict\",\"detail\":\"The order has shipped.\"}");

		this.mvc.perform(post("/orders/" + ORDER_ID + "/cancel").with(ada()).with(csrf()))
			.andExpect(redirectedUrl("/orders/" + ORDER_ID))
			.andExpect(flash().attribute("problem", "This order can no longer be cancelled: The order has shipped."));
	}

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/orders")).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(get("/orders/" + ORDER_ID)).andExpect(redirectedUrl("/signin"));
		assertThat(gateway.received("GET", ORDER_PATH)).isFalse();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(ada()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private RequestPostProcessor ada() {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), "Ada Lovelace", "ROLE_CUSTOMER",
				"ada-token");
	}

}
