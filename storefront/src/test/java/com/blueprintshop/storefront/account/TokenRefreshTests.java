package com.blueprintshop.storefront.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signed-in user whose access token has expired gets a fresh one before the storefront calls
 * identity for them: Spring Security's authorized client manager refreshes it at identity's token
 * endpoint, through the gateway, and keeps the new tokens in the session.
 */
class TokenRefreshTests extends PageTestSupport {

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	OAuth2AuthorizedClientRepository authorizedClients;

	@Test
	void refreshesAnExpiredAccessTokenThroughTheGatewayBeforeCallingIdentity() throws Exception {
		gateway.json("POST", "/auth/oauth2/token", 200, """
				{"access_token":"fresh-token","refresh_token":"refresh-2","token_type":"Bearer","expires_in":300,
				 "scope":"openid profile email"}
				""")
			.json("GET", "/api/identity/me", 200, AccountPageTests.ADA);
		MockHttpSession session = sessionWithExpiredAccessToken();

		this.mvc.perform(get("/account").session(session).with(authentication(ADA))).andExpect(status().isOk());

		var refresh = gateway.last("POST", "/auth/oauth2/token");
		assertThat(URLDecoder.decode(refresh.bodyText(), StandardCharsets.UTF_8)).contains("grant_type=refresh_token")
			.contains("refresh_token=refresh-1");
		assertThat(refresh.header("Authorization")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("storefront:test-secret".getBytes(StandardCharsets.UTF_8)));
		assertThat(gateway.last("GET", "/api/identity/me").header("Authorization")).isEqualTo("Bearer fresh-token");
		OAuth2AuthorizedClient kept = this.authorizedClients.loadAuthorizedClient("identity", ADA,
				requestWith(session));
		assertThat(kept.getAccessToken().getTokenValue()).isEqualTo("fresh-token");
		assertThat(kept.getRefreshToken().getTokenValue()).isEqualTo("refresh-2");
	}

	@Test
	void signsTheUserInAgainWhenIdentityNoLongerAcceptsTheRefreshToken() throws Exception {
		gateway.json("POST", "/auth/oauth2/token", 400, "{\"error\":\"invalid_grant\"}");

		this.mvc.perform(get("/account").session(sessionWithExpiredAccessToken()).with(authentication(ADA)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/identity"));
		assertThat(gateway.received("GET", "/api/identity/me")).isFalse();
	}

	@Test
	void showsTheUnavailablePageWhenNoTokenCanBeHadFromIdentity() throws Exception {
		gateway.json("POST", "/auth/oauth2/token", 503, "{\"status\":503}");

		this.mvc.perform(get("/account").session(sessionWithExpiredAccessToken()).with(authentication(ADA)))
			.andExpect(status().isServiceUnavailable());
	}

	static final OAuth2AuthenticationToken ADA = new OAuth2AuthenticationToken(
			new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")),
					new OidcIdToken("id-token", Instant.now().minusSeconds(900), Instant.now().plusSeconds(3600),
							Map.of("sub", "ada", "name", "Ada Lovelace", "roles", List.of("CUSTOMER")))),
			List.of(), "identity");

	private MockHttpSession sessionWithExpiredAccessToken() {
		ClientRegistration identity = this.registrations.findByRegistrationId("identity");
		Instant now = Instant.now();
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(identity, "ada",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired-token", now.minusSeconds(600),
						now.minusSeconds(300)),
				new OAuth2RefreshToken("refresh-1", now.minusSeconds(600)));
		MockHttpSession session = new MockHttpSession();
		this.authorizedClients.saveAuthorizedClient(client, ADA, requestWith(session), new MockHttpServletResponse());
		return session;
	}

	private static MockHttpServletRequest requestWith(MockHttpSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		return request;
	}

}
