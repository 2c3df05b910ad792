package com.blueprintshop.storefront.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.blueprintshop.storefront.ShopFixtures.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** In-app notifications on the account page, their own page and as a count in the header. */
class NotificationPagesTests extends PageTestSupport {

	static final String ADA = """
			{"email":"ada@example.com","displayName":"Ada Lovelace","roles":["CUSTOMER"],"createdAt":"2026-01-15T09:30:00Z"}
			""";

	static final String NOTIFICATIONS = """
			[{"id":"n2","orderId":"%s","title":"Your order is confirmed","body":"<b>2 items</b> on their way soon.",
			  "createdAt":"2026-03-01T12:00:05Z","read":false},
			 {"id":"n1","orderId":null,"title":"Welcome","body":"Thanks for signing up.",
			  "createdAt":"2026-02-01T09:00:00Z","read":true}]
			""".formatted(ORDER_ID);

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	OAuth2AuthorizedClientRepository authorizedClients;

	@Test
	void listsTheShoppersNotificationsOnTheAccountPageWithTheirOwnToken() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA)
			.json("GET", "/api/notification/notifications", 200, NOTIFICATIONS);

		String page = page("/account");

		var request = gateway.last("GET", "/api/notification/notifications");
		assertThat(request.query()).isEqualTo("limit=5");
		assertThat(request.header("Authorization")).isEqualTo("Bearer ada-token");
		assertThat(page).containsSubsequence("<ul id=\"notification-list\" class=\"notification-list\">",
				"<li class=\"unread\">", "Your order is confirmed", "&lt;b&gt;2 items&lt;/b&gt; on their way soon.",
				"<a href=\"/orders/" + ORDER_ID + "\">See the order</a>", "<li class=\"read\">", "Welcome")
			.contains("href=\"/orders\"");
	}

	@Test
	void listsTwentyOnTheNotificationsPage() throws Exception {
		gateway.json("GET", "/api/notification/notifications", 200, NOTIFICATIONS);

		assertThat(page("/notifications")).contains("Your order is confirmed").contains("1 Mar 2026, 12:00 UTC");
		assertThat(gateway.last("GET", "/api/notification/notifications").query()).isEqualTo("limit=20");
	}

	@Test
	void aNotificationServiceThatIsDownCostsItsSectionNotThePage() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA)
			.json("GET", "/api/notification/notifications", 503, "{\"status\":503}")
			.json("GET", "/api/notification/notifications/unread-count", 503, "{\"status\":503}");

		assertThat(page("/account")).contains("<dd>ada@example.com</dd>")
			.contains("id=\"notifications-unavailable\"")
			.contains("<a id=\"notifications-link\" href=\"/notifications\">Notifications</a>");
		assertThat(page("/notifications")).contains("id=\"notifications-unavailable\"");
	}

	@Test
	void showsTheUnreadCountToSignedInShoppersAndAsksNothingOnAnonymousPages() throws Exception {
		gateway.json("GET", "/api/notification/notifications/unread-count", 200, "{\"unread\":3}");

		this.mvc.perform(get("/search")).andExpect(status().isOk());
		assertThat(gateway.received("GET", "/api/notification/notifications/unread-count")).isFalse();

		// the header reads the token the session holds, as the code flow left it there
		MockHttpSession session = new MockHttpSession();
		saveToken(session, "ada-token");
		String first = this.mvc.perform(get("/search").session(session).with(authentication(ADA_SIGNED_IN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(get("/search").session(session).with(authentication(ADA_SIGNED_IN))).andExpect(status().isOk());

		assertThat(first).contains("<a id=\"notifications-link\" href=\"/notifications\">Notifications (3)</a>");
		assertThat(gateway.last("GET", "/api/notification/notifications/unread-count").header("Authorization"))
			.isEqualTo("Bearer ada-token");
		// the second page within half a minute uses the count the session keeps
		assertThat(gateway.requests()
			.stream()
			.filter((r) -> r.path().equals("/api/notification/notifications/unread-count"))
			.count()).isEqualTo(1);
	}

	static final OAuth2AuthenticationToken ADA_SIGNED_IN = new OAuth2AuthenticationToken(
			new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")),
					new OidcIdToken("id-token", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600),
							Map.of("sub", "ada", "name", "Ada Lovelace"))),
			List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")), "identity");

	private void saveToken(MockHttpSession session, String token) {
		Instant now = Instant.now();
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.registrations.findByRegistrationId("identity"),
				"ada", new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(300)));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		this.authorizedClients.saveAuthorizedClient(client, ADA_SIGNED_IN, request, new MockHttpServletResponse());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).session(new MockHttpSession()).with(ada()))
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
