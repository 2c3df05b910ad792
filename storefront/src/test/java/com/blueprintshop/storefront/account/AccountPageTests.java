package com.blueprintshop.storefront.account;


import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import com.blueprintshop.storefront.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountPageTests extends PageTestSupport {

	static final String ADA = """
			{"id":"1b3e6d0c-7a7e-4b8e-9d1e-0d3c0c6b9a11","email":"ada@example.com","displayName":"Ada Lovelace",
			 "roles":["CUSTOMER"],"createdAt":"2026-01-15T09:30:00Z"}
			""";

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	TestClock clock;

	@Test
	void showsTheProfileIdentityReturnsForTheUsersOwnToken() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA);

		String page = this.mvc.perform(get("/account").with(ada()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(gateway.last("GET", "/api/identity/me").header("Authorization")).isEqualTo("Bearer ada-token");
		assertThat(page).contains("<dd>ada@example.com</dd>")
			.contains("<dd>Ada Lovelace</dd>")
			.contains("<dd>15 January 2026</dd>")
			.contains("value=\"Ada Lovelace\"")
			.contains("action=\"/signout\"");
	}

	@Test
	void savesANewDisplayNameAndComesBack() throws Exception {
		gateway.json("PUT", "/api/identity/me", 200, ADA.replace("Ada Lovelace", "Countess"));

		this.mvc.perform(post("/account").with(ada()).with(csrf()).param("displayName", "Countess"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("notice", "Your display name is saved."));

		assertThat(gateway.last("PUT", "/api/identity/me").bodyText()).isEqualTo("{\"displayName\":\"Countess\"}");
	}

	@Test
	void showsIdentitysErrorNextToTheDisplayName() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA)
			.json("PUT", "/api/identity/me", 400, """
					{"status":400,"title":"Bad Request","errors":[{"field":"displayName","message":"size must be between 1 and 60"}]}
					""");

		String page = this.mvc.perform(post("/account").with(ada()).with(csrf()).param("displayName", "x".repeat(61)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsSubsequence("<label for=\"displayName\">", "value=\"" + "x".repeat(61) + "\"",
				"<p class=\"field-error\" id=\"displayName-error\">size must be between 1 and 60</p>");
	}

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/account")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void keepsTheProfileInTheSessionAndShowsANewNameAtOnce() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA)
			.json("PUT", "/api/identity/me", 200, ADA.replace("Ada Lovelace", "Countess"));
		MockHttpSession session = new MockHttpSession();

		this.mvc.perform(get("/account").session(session).with(ada())).andExpect(status().isOk());
		String again = this.mvc.perform(get("/account").session(session).with(ada()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("<dd>ada@example.com</dd>").contains("<dd>15 January 2026</dd>");
		assertThat(gateway.count("GET", "/api/identity/me")).as("profiles asked of identity").isEqualTo(1);

		this.mvc.perform(post("/account").session(session).with(ada()).with(csrf()).param("displayName", "Countess"))
			.andExpect(status().isFound());
		String after = this.mvc.perform(get("/account").session(session).with(ada()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// the ID token still says Ada Lovelace; the header and the page say what identity answered
		assertThat(after).contains("<dd>Countess</dd>").contains("<a href=\"/account\">Countess</a>");
		assertThat(gateway.count("GET", "/api/identity/me")).isEqualTo(1);
	}

	@Test
	void asksIdentityAgainOnceTheCopyIsOld() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA);
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/account").session(session).with(ada())).andExpect(status().isOk());

		this.clock.advance(Profiles.FRESH_FOR.plusSeconds(1));
		this.mvc.perform(get("/account").session(session).with(ada())).andExpect(status().isOk());

		assertThat(gateway.count("GET", "/api/identity/me")).isEqualTo(2);
	}

	@Test
	void neverShowsAnotherUsersCopy() throws Exception {
		gateway.json("GET", "/api/identity/me", 200, ADA);
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/account").session(session).with(ada())).andExpect(status().isOk());

		String grace = this.mvc
			.perform(get("/").session(session)
				.with(SignedIn.as(this.registrations.findByRegistrationId("identity"), "Grace Hopper", "ROLE_CUSTOMER",
						"grace-token")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(grace).contains("<a href=\"/account\">Grace Hopper</a>").doesNotContain("Ada Lovelace");
	}

	private RequestPostProcessor ada() {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), "Ada Lovelace", "ROLE_CUSTOMER", "ada-token");
	}

}
