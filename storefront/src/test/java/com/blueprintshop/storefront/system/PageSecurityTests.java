package com.blueprintshop.storefront.system;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.blueprintshop.storefront.PageTestSupport;
import com.blueprintshop.storefront.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PageSecurityTests extends PageTestSupport {

	static final Pattern STYLESHEET = Pattern.compile("href=\"(/static/css/shop-[0-9a-f]{32}\\.css)\"");

	@Autowired
	ClientRegistrationRepository registrations;

	@Test
	void sendsAStrictContentSecurityPolicyAndTheOtherProtectiveHeaders() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/search"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andReturn()
			.getResponse();

		assertThat(page.getHeader("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.contains("script-src 'self'")
			.contains("style-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		String html = page.getContentAsString();
		assertThat(html).doesNotContain("style=").doesNotContain("<script>").doesNotContain(" onclick=");
	}

	@Test
	void linksTheStylesheetByAFingerprintedNameThatIsCachedForAYear() throws Exception {
		String html = this.mvc.perform(get("/search")).andReturn().getResponse().getContentAsString();
		Matcher stylesheet = STYLESHEET.matcher(html);
		assertThat(stylesheet.find()).as("a fingerprinted stylesheet link in %s", html).isTrue();
		assertThat(html).containsPattern("src=\"/static/js/suggest-[0-9a-f]{32}\\.js\"");

		this.mvc.perform(get(stylesheet.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"));
		this.mvc.perform(get("/static/css/shop.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache"));
		this.mvc.perform(get("/static/css/shop-00000000000000000000000000000000.css"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Cache-Control", not(containsString("immutable"))));
	}

	@Test
	void sendsAnonymousVisitorsOfTheAdminPagesToSignIn() throws Exception {
		this.mvc.perform(get("/admin/catalog")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void sendsAnonymousVisitorsOfCheckoutOrdersAndNotificationsToSignInButLetsThemUseTheCart() throws Exception {
		for (String path : new String[] { "/checkout", "/orders", "/notifications" }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
		}
		this.mvc.perform(get("/cart")).andExpect(status().isOk());
	}

	@Test
	void refusesTheAdminPagesToACustomer() throws Exception {
		this.mvc.perform(get("/admin/catalog").with(user("ROLE_CUSTOMER"))).andExpect(status().isForbidden());
		assertThat(gateway.received("GET", "/api/catalog/admin/products")).isFalse();
	}

	@Test
	void showsTheAdminLinkToAdminsOnly() throws Exception {
		String customer = this.mvc.perform(get("/search").with(user("ROLE_CUSTOMER")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String admin = this.mvc.perform(get("/search").with(user("ROLE_ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(customer).doesNotContain("href=\"/admin/catalog\"").contains(">Grace Hopper</a>");
		assertThat(admin).contains("<a href=\"/admin/catalog\">Admin</a>");
		assertThat(admin).containsSubsequence("<form class=\"inline\" method=\"post\" action=\"/signout\">",
				"name=\"_csrf\"", "Sign out");
	}

	@Test
	void startsTheAuthorizationCodeFlowWithPkceAtIdentity() throws Exception {
		this.mvc.perform(get("/signin")).andExpect(redirectedUrl("/oauth2/authorization/identity"));

		String location = this.mvc.perform(get("/oauth2/authorization/identity"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		URI authorize = URI.create(location);
		assertThat(authorize.getPath()).isEqualTo("/auth/oauth2/authorize");
		var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("client_id")).isEqualTo("storefront");
		assertThat(query.getFirst("scope")).isEqualTo("openid%20profile%20email");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		assertThat(query.getFirst("code_challenge")).isNotBlank();
		assertThat(query.getFirst("nonce")).isNotBlank();
		assertThat(query.getFirst("redirect_uri")).isEqualTo("http://localhost/login/oauth2/code/identity");
	}

	@Test
	void showsWhatWentWrongWhenSignInFailedInsteadOfLooping() throws Exception {
		String page = this.mvc.perform(get("/signin").param("error", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Sign-in did not finish").contains("href=\"/oauth2/authorization/identity\"");
	}

	@Test
	void signsOutOfTheStorefrontAndThenOfIdentity() throws Exception {
		String location = this.mvc.perform(post("/signout").with(user("ROLE_CUSTOMER")).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		URI logout = URI.create(location);
		assertThat(logout.getPath()).isEqualTo("/auth/connect/logout");
		var query = UriComponentsBuilder.fromUri(logout).build().getQueryParams();
		assertThat(query.getFirst("id_token_hint")).isNotBlank();
		assertThat(query.getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/");
	}

	@Test
	void refusesSignOutWithoutTheCsrfToken() throws Exception {
		this.mvc.perform(post("/signout").with(user("ROLE_CUSTOMER"))).andExpect(status().isForbidden());
	}

	private RequestPostProcessor user(String role) {
		return SignedIn.as(this.registrations.findByRegistrationId("identity"), "Grace Hopper", role, "user-token");
	}

}
