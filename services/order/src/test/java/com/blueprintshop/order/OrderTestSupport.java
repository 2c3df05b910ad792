package com.blueprintshop.order;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blueprintshop.defaults.TestTokens;

/** A shopper calling the order API over HTTP with identity-style tokens, and request bodies. */
final class OrderTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private OrderTestSupport() {
	}

	record Shopper(UUID id, String email, String token) {

		static Shopper random() {
			UUID id = UUID.randomUUID();
			String email = "shopper-" + id.toString().substring(0, 8) + "@example.com";
			return new Shopper(id, email, TestTokens.forUser(id.toString(), email, List.of("CUSTOMER")));
		}

	}

	record Reply(int status, JsonNode json, HttpResponse<String> raw) {
	}

	static Reply send(int port, String method, String path, String token, String idempotencyKey, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
			return new Reply(response.statusCode(), json, response);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> line(String sku, int quantity, String price) {
		return Map.of("sku", sku, "quantity", quantity, "unitPrice",
				Map.of("amount", new BigDecimal(price), "currency", "EUR"));
	}

	static Map<String, Object> checkout(List<Map<String, Object>> lines) {
		return Map.of("lines", lines, "payment", Map.of("cardToken", "tok_test_0123456789", "cardLast4", "4242"),
				"shippingAddress", Map.of("name", "Ada Lovelace", "line1", "12 Analytical Row", "city", "Dublin",
						"postcode", "D02 X285", "country", "IE"));
	}

	static List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

}
