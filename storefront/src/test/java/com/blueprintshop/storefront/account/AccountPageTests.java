package com.blueprintshop.storefront.account;


import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

	private RequestPostProcessor ada() {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), "Ada Lovelace", "ROLE_CUSTOMER", "ada-token");
	}

}
