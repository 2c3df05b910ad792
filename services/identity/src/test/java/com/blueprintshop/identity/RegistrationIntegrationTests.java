package com.blueprintshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;

/**
 * {@code POST /users}, {@code GET /me} and {@code PUT /me} on a running identity, against the
 * machine's PostgreSQL (a throw-away database) and Redis, with real tokens from its own
 * authorization server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class RegistrationIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_identity_registration");

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

	IdentityApi api() {
		return new IdentityApi(this.port);
	}

	@Test
	void registersACustomerWithAnArgon2idHash() {
		HttpResponse<String> response = api().register(api().clientToken(), "  Ada.Lovelace@Example.COM ",
				"Ada Lovelace", "analytical engine 1843", "analytical engine 1843");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode profile = IdentityApi.json(response.body());
		String id = profile.get("id").asString();
		assertThat(response.headers().firstValue("Location")).contains("/users/" + id);
		assertThat(profile.get("email").asString()).isEqualTo("ada.lovelace@example.com");
		assertThat(profile.get("displayName").asString()).isEqualTo("Ada Lovelace");
		assertThat(profile.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
		assertThat(profile.has("createdAt")).isTrue();
		assertThat(response.body()).doesNotContain("password");
		assertThat(this.jdbc.sql("select password_hash from app_user where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).startsWith("{argon2}$argon2id$");
	}

	@Test
	void refusesAnEmailThatIsTakenInAnotherLetterCase() {
		api().registerCustomer("grace@example.com", "Grace", "cobol compiler 1959");

		HttpResponse<String> response = api().register(api().clientToken(), "GRACE@Example.com", "Grace again",
				"another password 77", "another password 77");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(errors(response)).containsExactly(
				List.of("email", "An account with this e-mail already exists"));
	}

	@Test
	void refusesWeakPasswordsNamingThePasswordField() {
		String token = api().clientToken();
		for (String weak : List.of("short1", "no digits at all", "1234567890123", "Password123", "xxhopper2024xx")) {
			HttpResponse<String> response = api().register(token, "hopper@example.com", "Grace Hopper", weak, weak);
			assertThat(response.statusCode()).as(weak).isEqualTo(400);
			assertThat(errors(response)).as(weak).isNotEmpty().allSatisfy((error) -> assertThat(error.get(0)).isEqualTo("password"));
		}
	}

	@Test
	void refusesAMismatchedConfirmation() {
		HttpResponse<String> response = api().register(api().clientToken(), "turing@example.com", "Alan",
				"enigma machine 1939", "enigma machine 1940");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errors(response)).containsExactly(List.of("confirmPassword", "The passwords do not match"));
	}

	@Test
	void refusesAMalformedEmailAndABadDisplayNameAtOnce() {
		HttpResponse<String> response = api().register(api().clientToken(), "not-an-address", "x".repeat(61),
				"perfectly fine 2024", "perfectly fine 2024");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errors(response)).extracting((error) -> error.get(0)).containsExactly("email", "displayName");
		assertThat(IdentityApi.json(response.body()).has("traceId")).isTrue();
	}

	@Test
	void issuesClientCredentialsTokensThatActForTheClient() {
		JWTClaimsSet claims = IdentityApi.claims(api().clientToken());

		assertThat(claims.getSubject()).isEqualTo("storefront");
		assertThat(claims.getIssuer()).isEqualTo("http://identity");
		assertThat(claims.getClaim("scope")).asString().contains("users.register");
		assertThat(claims.getClaim("roles")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
	}

	@Test
	void refusesRegistrationWithoutTheRegisterScope() {
		api().registerCustomer("lamarr@example.com", "Hedy", "frequency hopping 42");
		String userToken = api().signInWithAuthorizationCode(new Browser(this.port, "198.51.100.10"),
				"lamarr@example.com", "frequency hopping 42").get("access_token").asString();

		HttpResponse<String> withUserToken = api().register(userToken, "someone@example.com", "Someone",
				"valid password 123", "valid password 123");
		HttpResponse<String> anonymous = api().register("", "someone@example.com", "Someone", "valid password 123",
				"valid password 123");

		assertThat(withUserToken.statusCode()).isEqualTo(403);
		assertThat(withUserToken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void showsAndChangesTheSignedInPersonsProfile() {
		api().registerCustomer("noether@example.com", "Emmy", "abstract algebra 1921");
		String token = api().signInWithAuthorizationCode(new Browser(this.port, "198.51.100.11"),
				"noether@example.com", "abstract algebra 1921").get("access_token").asString();

		HttpResponse<String> me = api().get("/me", token);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(IdentityApi.json(me.body()).get("email").asString()).isEqualTo("noether@example.com");

		HttpResponse<String> blank = api().put("/me", token, "{\"displayName\":\"   \"}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(errors(blank)).extracting((error) -> error.get(0)).containsExactly("displayName");

		HttpResponse<String> changed = api().put("/me", token, "{\"displayName\":\"  Emmy Noether \"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(IdentityApi.json(changed.body()).get("displayName").asString()).isEqualTo("Emmy Noether");
		assertThat(IdentityApi.json(api().get("/me", token).body()).get("displayName").asString())
			.isEqualTo("Emmy Noether");
	}

	@Test
	void rejectsATamperedTokenAndAClientTokenOnMe() {
		api().registerCustomer("hamilton@example.com", "Margaret", "apollo guidance 1969");
		String token = api().signInWithAuthorizationCode(new Browser(this.port, "198.51.100.12"),
				"hamilton@example.com", "apollo guidance 1969").get("access_token").asString();
		int signatureStart = token.lastIndexOf('.') + 1;
		char flipped = (token.charAt(signatureStart + 5) == 'A') ? 'B' : 'A';
		String tampered = token.substring(0, signatureStart + 5) + flipped + token.substring(signatureStart + 6);

		HttpResponse<String> response = api().get("/me", tampered);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(api().get("/me", null).statusCode()).isEqualTo(401);
		assertThat(api().get("/me", api().clientToken()).statusCode()).isEqualTo(403);
	}

	@Test
	void keepsAboutAndProbesOpen() {
		HttpResponse<String> about = api().get("/about", null);
		assertThat(about.statusCode()).isEqualTo(200);
		assertThat(about.body()).contains("\"service\":\"identity\"").contains(DATABASE);
		assertThat(api().get("/actuator/health/readiness", null).body()).contains("UP");
	}

	private static List<List<String>> errors(HttpResponse<String> response) {
		return IdentityApi.json(response.body())
			.get("errors")
			.values()
			.stream()
			.map((error) -> List.of(error.get("field").asString(), error.get("message").asString()))
			.toList();
	}

}
