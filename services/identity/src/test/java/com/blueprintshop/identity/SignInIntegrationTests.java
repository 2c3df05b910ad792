package com.blueprintshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import com.blueprintshop.defaults.TestDatabase;

/**
 * The browser's side: the storefront's authorization-code flow with PKCE through the edge's
 * {@code /auth} prefix, the sign-in page, throttling of failed sign-ins, refresh and sign-out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class SignInIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_identity_sign_in");

	private static final String SIGN_IN_PAGE = Browser.EDGE + "/auth/login";

	private static final String SIGN_IN_FAILED = SIGN_IN_PAGE + "?error";

	// where a sign-in without a pending authorization request lands
	private static final String SIGNED_IN = Browser.EDGE + "/auth/";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestEnvironment.register(registry, DATABASE);
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabase.drop(DATABASE);
	}

	@TestConfiguration
	static class MovableTime {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	IdentityApi api() {
		return new IdentityApi(this.port);
	}

	Browser browser(String clientAddress) {
		return new Browser(this.port, clientAddress);
	}

	@Test
	void signsInWithAuthorizationCodeAndPkceThroughTheEdge() {
		String id = api().registerCustomer("Curie@Example.com", "Marie Curie", "radium polonium 1898")
			.get("id")
			.asString();
		Browser browser = browser("192.0.2.1");

		JsonNode tokens = api().signInWithAuthorizationCode(browser, "curie@example.com", "radium polonium 1898");

		JWTClaimsSet access = IdentityApi.claims(tokens.get("access_token").asString());
		assertThat(access.getSubject()).isEqualTo(id);
		assertThat(access.getIssuer()).isEqualTo("http://identity");
		assertThat(access.getClaim("email")).isEqualTo("curie@example.com");
		assertThat(access.getClaim("roles")).asString().contains("CUSTOMER");
		assertThat(access.getClaim("scope")).asString().contains("openid");
		assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(5));
		JWTClaimsSet idToken = IdentityApi.claims(tokens.get("id_token").asString());
		assertThat(idToken.getClaim("name")).isEqualTo("Marie Curie");
		assertThat(idToken.getClaim("email")).isEqualTo("curie@example.com");
		assertThat(idToken.getClaim("roles")).asString().contains("CUSTOMER");
		assertThat(idToken.getAudience()).containsExactly("storefront");
		HttpResponse<String> me = api().get("/me", tokens.get("access_token").asString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"displayName\":\"Marie Curie\"");
		assertThat(browser.setCookieHeaders()).anySatisfy((cookie) -> assertThat(cookie).startsWith("BP_IDENTITY=")
			.contains("Path=/auth;")
			.contains("HttpOnly")
			.contains("Secure")
			.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void servesAnAccessibleSignInPageUnderAStrictContentSecurityPolicy() {
		HttpResponse<String> page = browser("192.0.2.2").get(SIGN_IN_PAGE);

		assertThat(page.statusCode()).isEqualTo(200);
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("default-src 'self'").contains("form-action 'self'").doesNotContain("unsafe-inline");
		assertThat(page.body()).contains("<label for=\"email\">")
			.contains("<label for=\"password\">")
			.contains("autocomplete=\"current-password\"")
			.contains("name=\"_csrf\"")
			.contains("href=\"/signup\"")
			.contains("name=\"viewport\"")
			.doesNotContain("<script")
			.doesNotContain("style=");
		String stylesheet = page.body().replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1");
		assertThat(stylesheet).matches("/auth/css/identity-[0-9a-f]{32}\\.css");
		HttpResponse<String> css = browser("192.0.2.2").get(Browser.EDGE + stylesheet);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
	}

	@Test
	void refusesASignInWithoutTheFormsCsrfToken() {
		HttpResponse<String> response = browser("192.0.2.3").post(SIGN_IN_PAGE,
				Map.of("email", "anyone@example.com", "password", "whatever 12345"));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void showsWhyASignInFailedNextToTheFields() {
		api().registerCustomer("meitner@example.com", "Lise", "nuclear fission 1938");
		Browser browser = browser("192.0.2.4");

		assertThat(Browser.location(browser.signIn("Meitner@example.com", "wrong password 1"))).isEqualTo(SIGN_IN_FAILED);

		String page = browser.get(SIGN_IN_FAILED).body();
		assertThat(page).contains("The e-mail address or password is incorrect.")
			.contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"sign-in-error\"")
			.contains("value=\"Meitner@example.com\"");
	}

	@Test
	void throttlesTheSixthFailedSignInEvenWithTheRightPassword() {
		api().registerCustomer("franklin@example.com", "Rosalind", "photo fifty one 1952");
		Browser browser = browser("192.0.2.5");
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(Browser.location(browser.signIn("franklin@example.com", "guess number " + attempt)))
				.isEqualTo(SIGN_IN_FAILED);
		}

		assertThat(Browser.location(browser.signIn("franklin@example.com", "photo fifty one 1952")))
			.isEqualTo(SIGN_IN_FAILED);
		assertThat(browser.get(SIGN_IN_FAILED).body())
			.contains("Too many failed sign-ins. Try again in 15 minutes.");

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(Browser.location(browser.signIn("franklin@example.com", "photo fifty one 1952")))
			.isEqualTo(SIGNED_IN);
	}

	@Test
	void throttlesAClientAddressAcrossAccounts() {
		api().registerCustomer("goodall@example.com", "Jane", "gombe chimpanzees 1960");
		Browser guesser = browser("192.0.2.6");
		for (int account = 1; account <= 5; account++) {
			assertThat(Browser.location(guesser.signIn("victim" + account + "@example.com", "guess 123456")))
				.isEqualTo(SIGN_IN_FAILED);
		}

		assertThat(Browser.location(guesser.signIn("goodall@example.com", "gombe chimpanzees 1960")))
			.isEqualTo(SIGN_IN_FAILED);
		assertThat(guesser.get(SIGN_IN_FAILED).body()).contains("Too many failed sign-ins.");
		assertThat(Browser.location(browser("192.0.2.7").signIn("goodall@example.com", "gombe chimpanzees 1960")))
			.isEqualTo(SIGNED_IN);
	}

	@Test
	void forgetsAnAccountsFailuresAfterASuccessfulSignIn() {
		api().registerCustomer("carson@example.com", "Rachel", "silent spring 1962");
		for (int attempt = 1; attempt <= 4; attempt++) {
			browser("192.0.2." + (10 + attempt)).signIn("carson@example.com", "wrong guess " + attempt);
		}
		assertThat(Browser.location(browser("192.0.2.20").signIn("carson@example.com", "silent spring 1962")))
			.isEqualTo(SIGNED_IN);
		for (int attempt = 1; attempt <= 4; attempt++) {
			browser("192.0.2." + (30 + attempt)).signIn("carson@example.com", "wrong guess " + attempt);
		}

		assertThat(Browser.location(browser("192.0.2.40").signIn("carson@example.com", "silent spring 1962")))
			.isEqualTo(SIGNED_IN);
	}

	@Test
	void issuesANewRefreshTokenOnEachRefreshAndRefusesTheOldOne() {
		api().registerCustomer("johnson@example.com", "Katherine", "orbital mechanics 1962");
		String refreshToken = api()
			.signInWithAuthorizationCode(browser("192.0.2.50"), "johnson@example.com", "orbital mechanics 1962")
			.get("refresh_token")
			.asString();

		HttpResponse<String> refreshed = api().token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JsonNode tokens = IdentityApi.json(refreshed.body());
		assertThat(tokens.get("refresh_token").asString()).isNotEqualTo(refreshToken);
		assertThat(IdentityApi.claims(tokens.get("access_token").asString()).getClaim("roles")).asString()
			.contains("CUSTOMER");

		HttpResponse<String> reused = api().token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains("invalid_grant");
	}

	@Test
	void neverGrantsTheRegistrationScopeToAPerson() {
		api().registerCustomer("lovelace@example.com", "Ada", "bernoulli numbers 1843");
		Browser browser = browser("192.0.2.51");
		api().signInWithAuthorizationCode(browser, "lovelace@example.com", "bernoulli numbers 1843");

		String verifier = IdentityApi.randomToken();
		String callback = Browser.location(browser.get(IdentityApi.authorizeUrl("openid users.register", "s1",
				IdentityApi.challenge(verifier))));

		assertThat(callback).startsWith(IdentityApi.REDIRECT_URI + "?");
		assertThat(UriComponentsBuilder.fromUriString(callback).build().getQueryParams())
			.containsEntry("error", java.util.List.of("invalid_scope"))
			.doesNotContainKey("code");
	}

	@Test
	void signsOutThroughRpInitiatedLogout() {
		api().registerCustomer("somerville@example.com", "Mary", "connexion sciences 1834");
		Browser browser = browser("192.0.2.52");
		String idToken = api().signInWithAuthorizationCode(browser, "somerville@example.com", "connexion sciences 1834")
			.get("id_token")
			.asString();

		HttpResponse<String> logout = browser.get(Browser.EDGE + "/auth/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + Browser.encode("https://localhost:8443/") + "&state=bye");

		assertThat(Browser.location(logout)).isEqualTo("https://localhost:8443/?state=bye");
		String verifier = IdentityApi.randomToken();
		assertThat(Browser.location(browser.get(IdentityApi.authorizeUrl("openid", "s2", IdentityApi.challenge(verifier)))))
			.isEqualTo(SIGN_IN_PAGE);
	}

	@Test
	void publishesItsFixedIssuerAndEndpoints() {
		JsonNode discovery = IdentityApi.json(api().get("/.well-known/openid-configuration", null).body());

		assertThat(discovery.get("issuer").asString()).isEqualTo("http://identity");
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo("http://identity/oauth2/jwks");
		assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo("http://identity/connect/logout");
	}

}
