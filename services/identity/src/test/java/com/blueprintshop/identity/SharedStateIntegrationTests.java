package com.blueprintshop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;

/**
 * What identity keeps outside any one instance: the signing key (in PostgreSQL), sign-in sessions
 * (in Redis) and the administrator account. A second instance is started on the same database
 * and Redis next to the one under test, as a rolling restart or a scaled-out deployment would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.identity.admin-password=" + SharedStateIntegrationTests.ADMIN_PASSWORD })
class SharedStateIntegrationTests {

	static final String ADMIN_PASSWORD = "lighthouse keeper 2024";

	private static final String DATABASE = TestDatabase.create("bp_identity_shared");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestEnvironment.register(registry, DATABASE);
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabase.drop(DATABASE);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishesThePublicHalfOfTheStoredSigningKey() {
		JsonNode keys = IdentityApi.json(new IdentityApi(this.port).get("/oauth2/jwks", null).body()).get("keys");

		assertThat(keys.size()).isEqualTo(1);
		assertThat(keys.get(0).get("kid").asString()).isEqualTo(storedKid());
		assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
		assertThat(keys.get(0).has("d")).as("private exponent").isFalse();
	}

	@Test
	void anotherInstanceSignsWithTheSameKeyAndAcceptsThisOnesTokens() {
		new IdentityApi(this.port).registerCustomer("babbage@example.com", "Charles", "difference engine 1822");
		String fromFirst = new IdentityApi(this.port)
			.signInWithAuthorizationCode(new Browser(this.port, "203.0.113.1"), "babbage@example.com",
					"difference engine 1822")
			.get("access_token")
			.asString();

		try (ConfigurableApplicationContext second = startAnother("--shop.identity.storefront.client-secret="
				+ TestEnvironment.STOREFRONT_SECRET)) {
			IdentityApi secondApi = new IdentityApi(port(second));
			JsonNode keys = IdentityApi.json(secondApi.get("/oauth2/jwks", null).body()).get("keys");
			assertThat(keys.get(0).get("kid").asString()).isEqualTo(storedKid());
			assertThat(secondApi.get("/me", fromFirst).statusCode()).isEqualTo(200);
			String fromSecond = secondApi.clientToken();
			assertThat(IdentityApi.claims(fromSecond).getSubject()).isEqualTo("storefront");
			assertThat(new IdentityApi(this.port).register(fromSecond, "ada@example.com", "Ada",
					"analytical engine 1843", "analytical engine 1843").statusCode()).isEqualTo(201);
		}
		assertThat(this.jdbc.sql("select count(*) from signing_key").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void continuesASignInThatAnotherInstanceBegan() {
		new IdentityApi(this.port).registerCustomer("hypatia@example.com", "Hypatia", "conic sections 400");
		Browser browser = new Browser(this.port, "203.0.113.2");
		String signInPage = browser.get(Browser.EDGE + "/auth/login").body();

		try (ConfigurableApplicationContext second = startAnother("--shop.identity.storefront.client-secret="
				+ TestEnvironment.STOREFRONT_SECRET)) {
			browser.switchTo(port(second));
			HttpResponse<String> signedIn = browser.submitSignIn(signInPage, "hypatia@example.com", "conic sections 400");
			assertThat(Browser.location(signedIn)).isEqualTo(Browser.EDGE + "/auth/");
		}
		browser.switchTo(this.port);
		assertThat(browser.get(Browser.EDGE + "/auth/").statusCode()).as("signed in at the first instance too")
			.isEqualTo(200);
	}

	@Test
	void createsTheAdministratorOnceAndNeverResetsItsPassword() {
		String hash = adminPasswordHash();
		try (ConfigurableApplicationContext second = startAnother(
				"--shop.identity.storefront.client-secret=" + TestEnvironment.STOREFRONT_SECRET,
				"--shop.identity.admin-password=a different keeper 2025")) {
			assertThat(adminPasswordHash()).isEqualTo(hash);
		}

		JsonNode tokens = new IdentityApi(this.port).signInWithAuthorizationCode(new Browser(this.port, "203.0.113.3"),
				"admin@blueprint.shop", ADMIN_PASSWORD);
		JWTClaimsSet claims = IdentityApi.claims(tokens.get("access_token").asString());
		assertThat(claims.getClaim("roles")).asString().contains("ADMIN").contains("CUSTOMER");
	}

	@Test
	void refusesToStartWithoutTheStorefrontSecret() {
		assertThatThrownBy(() -> startAnother("--shop.identity.storefront.client-secret=").close())
			.hasStackTraceContaining("BLUEPRINT_STOREFRONT_CLIENT_SECRET is not set");
	}

	private String storedKid() {
		return this.jdbc.sql("select kid from signing_key").query(String.class).single();
	}

	private String adminPasswordHash() {
		return this.jdbc.sql("select password_hash from app_user where email = 'admin@blueprint.shop'")
			.query(String.class)
			.single();
	}

	private static ConfigurableApplicationContext startAnother(String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--eureka.client.enabled=false",
				"--spring.datasource.url=" + TestDatabase.url(DATABASE), "--spring.datasource.username=postgres",
				"--spring.data.redis.url=" + TestEnvironment.REDIS_URL));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(IdentityApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

}
