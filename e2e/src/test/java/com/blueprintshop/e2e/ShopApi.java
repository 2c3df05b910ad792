package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's API through the edge as an API client uses it: accounts created with the
 * storefront's client token, access tokens for a person obtained with the authorization code
 * flow and PKCE (identity's own sign-in form, submitted like a browser would), and JSON calls
 * with a bearer token. Everything crosses the TLS edge, the gateway and the services.
 */
final class ShopApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final Edge edge;

	private final Properties secrets;

	ShopApi(Blueprint blueprint, Edge edge) throws IOException {
		this.edge = edge;
		this.secrets = new Properties();
		try (Reader reader = Files.newBufferedReader(blueprint.home().resolve("secrets.properties"))) {
			this.secrets.load(reader);
		}
	}

	String adminPassword() {
		return this.secrets.getProperty("identity.admin.password");
	}

	/** A new customer account, signed in. */
	String newShopperToken(String email, String password) throws Exception {
		HttpResponse<String> created = this.edge.send(this.edge.request("/api/identity/users")
			.header("Authorization", "Bearer " + clientToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email, "displayName",
					"Shopper " + email.substring(0, 6), "password", password, "confirmPassword", password)))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return signIn(email, password);
	}

	/**
	 * An access token for this person: the authorization code flow with PKCE against identity at
	 * the edge, as the storefront runs it, with the storefront's client credentials.
	 */
	String signIn(String email, String password) throws Exception {
		Cookies cookies = new Cookies();
		String verifier = base64Url(random(32));
		String challenge = base64Url(MessageDigest.getInstance("SHA-256")
			.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirectUri = this.edge.url("/login/oauth2/code/identity");
		String authorize = "/auth/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "storefront",
				"scope", "openid profile email", "redirect_uri", redirectUri, "state", UUID.randomUUID().toString(),
				"nonce", UUID.randomUUID().toString(), "code_challenge", challenge, "code_challenge_method", "S256"));
		HttpResponse<String> toLogin = cookies.send(this.edge, this.edge.request(authorize).GET());
		assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
		HttpResponse<String> page = cookies.send(this.edge, this.edge.request("/auth/login").GET());
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
		HttpResponse<String> signedIn = cookies.send(this.edge, this.edge.request("/auth/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", password, "_csrf",
					csrf.group(1).replace("&amp;", "&"))))));
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		String location = signedIn.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> withCode = cookies.send(this.edge,
				HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30)).GET());
		String callback = withCode.headers().firstValue("Location").orElseThrow();
		assertThat(callback).as("identity sends the code to the storefront's callback").startsWith(redirectUri);
		String code = query(callback).get("code");
		HttpResponse<String> token = this.edge.send(this.edge.request("/auth/oauth2/token")
			.header("Authorization", "Basic " + clientBasic())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
					"redirect_uri", redirectUri, "code_verifier", verifier)))));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JSON.readTree(token.body()).path("access_token").asString();
	}

	/**
	 * The storefront's session cookie ({@code BP_SESSION=…}) for this person: the storefront's own
	 * sign-in through the edge, as a browser follows it, redirect by redirect.
	 */
	String storefrontSession(String email, String password) throws Exception {
		Cookies cookies = new Cookies();
		HttpResponse<String> response = cookies.send(this.edge, this.edge.request("/oauth2/authorization/identity").GET());
		for (int hops = 0; hops < 10 && response.statusCode() == 302; hops++) {
			URI next = URI.create(this.edge.url("/")).resolve(response.headers().firstValue("Location").orElseThrow());
			if (next.getPath().equals("/auth/login")) {
				HttpResponse<String> page = cookies.send(this.edge, HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET());
				Matcher csrf = CSRF.matcher(page.body());
				assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
				response = cookies.send(this.edge, this.edge.request("/auth/login")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", password, "_csrf",
							csrf.group(1).replace("&amp;", "&"))))));
				continue;
			}
			response = cookies.send(this.edge, HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET());
		}
		String session = cookies.values.get("BP_SESSION");
		assertThat(session).as("the storefront's session after signing in").isNotNull();
		return "BP_SESSION=" + session;
	}

	String clientToken() throws Exception {
		HttpResponse<String> token = this.edge.send(this.edge.request("/auth/oauth2/token")
			.header("Authorization", "Basic " + clientBasic())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=users.register")));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JSON.readTree(token.body()).path("access_token").asString();
	}

	Reply get(String path, String token) throws Exception {
		return call("GET", path, token, null, null);
	}

	Reply post(String path, String token, Object body) throws Exception {
		return call("POST", path, token, null, body);
	}

	Reply call(String method, String path, String token, Map<String, String> headers, Object body) throws Exception {
		HttpRequest.Builder request = this.edge.request(path);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (headers != null) {
			headers.forEach(request::header);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.edge.send(request);
		JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
		return new Reply(response.statusCode(), json, response.body());
	}

	/** A card token from payment for the test card 4242 4242 4242 4242. */
	JsonNode cardToken(String token) throws Exception {
		Reply card = post("/api/payment/cards/tokens", token,
				Map.of("number", "4242 4242 4242 4242", "expiryMonth", 12, "expiryYear", 2035, "cvc", "123"));
		assertThat(card.status()).as(card.body()).isEqualTo(201);
		return card.json();
	}

	/** Places an order for {@code quantity} of one SKU at its current price. @return the 202's body */
	Reply checkout(String token, String idempotencyKey, String sku, int quantity) throws Exception {
		JsonNode found = get("/api/catalog/skus?sku=" + sku, null).json().path("items").get(0);
		JsonNode card = cardToken(token);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", found.get("price"))));
		body.put("payment", Map.of("cardToken", card.get("token").asString(), "cardLast4", card.get("last4").asString()));
		body.put("shippingAddress", Map.of("name", "Grace Hopper", "line1", "1 Compiler Way", "city", "Dublin",
				"postcode", "D01 F5P2", "country", "IE"));
		return call("POST", "/api/order/orders", token, Map.of("Idempotency-Key", idempotencyKey), body);
	}

	/**
	 * The order's status once it is no longer PENDING, asked by long polls, within {@code bound}.
	 * A 503 (no order instance to take the request, as while one is replaced) is asked again.
	 */
	String awaitSettled(String token, String orderId, Duration bound) {
		java.util.concurrent.atomic.AtomicReference<String> status = new java.util.concurrent.atomic.AtomicReference<>(
				"PENDING");
		org.awaitility.Awaitility.await("order " + orderId + " to settle")
			.atMost(bound)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				Reply reply = get("/api/order/orders/" + orderId + "/status?unlike=PENDING&wait=10", token);
				if (reply.status() != 503) {
					assertThat(reply.status()).as(reply.body()).isEqualTo(200);
					status.set(reply.json().get("status").asString());
				}
				return !status.get().equals("PENDING");
			});
		return status.get();
	}

	private String clientBasic() {
		return Base64.getEncoder()
			.encodeToString(("storefront:" + this.secrets.getProperty("oauth.client.storefront.secret"))
				.getBytes(StandardCharsets.UTF_8));
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(String url) {
		Map<String, String> values = new LinkedHashMap<>();
		String query = URI.create(url).getRawQuery();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			values.put(pair.substring(0, equals),
					java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static byte[] random(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return random;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Reply(int status, JsonNode json, String body) {
	}

	/** The cookies of one sign-in, kept by hand: the edge's client follows no redirects and keeps none. */
	private static final class Cookies {

		private final Map<String, String> values = new LinkedHashMap<>();

		HttpResponse<String> send(Edge edge, HttpRequest.Builder request) throws IOException, InterruptedException {
			// as a browser asks: identity sends a page (or a redirect to one) rather than a 401
			request.header("Accept", "text/html,application/xhtml+xml");
			if (!this.values.isEmpty()) {
				request.header("Cookie", this.values.entrySet()
					.stream()
					.map((c) -> c.getKey() + "=" + c.getValue())
					.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = edge.send(request);
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
			}
			return response;
		}

	}

}
