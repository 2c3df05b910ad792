package com.blueprintshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Identity's HTTP API as a service (or the storefront's server side) calls it: straight to the
 * instance, with the storefront's client credentials or a bearer token.
 */
final class IdentityApi {

	static final String REDIRECT_URI = "https://localhost:8443/login/oauth2/code/identity";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	IdentityApi(int port) {
		this.port = port;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpResponse<String> token(Map<String, String> form) {
		String basic = Base64.getEncoder()
			.encodeToString(("storefront:" + TestEnvironment.STOREFRONT_SECRET).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Browser.formBody(form))));
	}

	String clientToken() {
		HttpResponse<String> response = token(Map.of("grant_type", "client_credentials", "scope", "users.register"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response.body()).get("access_token").asString();
	}

	HttpResponse<String> register(String bearer, String email, String displayName, String password,
			String confirmPassword) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("displayName", displayName);
		body.put("password", password);
		body.put("confirmPassword", confirmPassword);
		return send(HttpRequest.newBuilder(uri("/users"))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/** Registers a customer through the API, as the storefront's sign-up page does. */
	JsonNode registerCustomer(String email, String displayName, String password) {
		HttpResponse<String> response = register(clientToken(), email, displayName, password, password);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body());
	}

	HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request);
	}

	HttpResponse<String> put(String path, String bearer, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * The storefront's sign-in: authorization code with PKCE, the browser going through the edge
	 * and the sign-in form, the code exchanged server to server.
	 * @return the token response
	 */
	JsonNode signInWithAuthorizationCode(Browser browser, String email, String password) {
		String verifier = randomToken();
		String state = randomToken();
		HttpResponse<String> authorize = browser.get(authorizeUrl("openid profile email", state, challenge(verifier)));
		assertThat(Browser.location(authorize)).isEqualTo(Browser.EDGE + "/auth/login");

		String resume = Browser.location(browser.signIn(email, password));
		assertThat(resume).startsWith(Browser.EDGE + "/auth/oauth2/authorize?");

		String callback = Browser.location(browser.get(resume));
		assertThat(callback).startsWith(REDIRECT_URI + "?");
		Map<String, String> query = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("state", state).containsKey("code");

		HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", query.get("code"),
				"redirect_uri", REDIRECT_URI, "code_verifier", verifier));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return json(tokens.body());
	}

	static String authorizeUrl(String scope, String state, String codeChallenge) {
		return Browser.EDGE + "/auth/oauth2/authorize?response_type=code&client_id=storefront&scope="
				+ Browser.encode(scope) + "&redirect_uri=" + Browser.encode(REDIRECT_URI) + "&state=" + state
				+ "&nonce=" + randomToken() + "&code_challenge=" + codeChallenge + "&code_challenge_method=S256";
	}

	static String randomToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	static JWTClaimsSet claims(String jwt) {
		try {
			return SignedJWT.parse(jwt).getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
