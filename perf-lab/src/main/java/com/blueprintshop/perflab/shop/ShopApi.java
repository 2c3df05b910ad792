package com.blueprintshop.perflab.shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.databind.JsonNode;

/**
 * The few API calls made before the load starts, through the TLS edge as any client makes them:
 * the storefront's client-credentials token, new shopper accounts, SKUs for the staff's stock file.
 */
public final class ShopApi {

	private final HttpClient client;

	private final String baseUrl;

	private final String clientBasic;

	public ShopApi(RunningSystem system, String baseUrl) {
		this.baseUrl = baseUrl;
		this.clientBasic = Base64.getEncoder()
			.encodeToString(("storefront:" + system.secret("oauth.client.storefront.secret"))
				.getBytes(StandardCharsets.UTF_8));
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(system.trustStore());
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(null, trust.getTrustManagers(), null);
			this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
		}
		catch (GeneralSecurityException ex) {
			throw new SystemNotRunningException("Cannot trust the edge's CA: " + ex.getMessage(), ex);
		}
	}

	/** A token of the storefront's own (client credentials), allowed to register users. */
	public String clientToken() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth/oauth2/token"))
			.header("Authorization", "Basic " + this.clientBasic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=users.register")));
		expect(response, 200, "the storefront's client-credentials token");
		return RunningSystem.JSON.readTree(response.body()).path("access_token").asString();
	}

	/** @return whether the account was created (false: the e-mail is taken) */
	public boolean createUser(String token, String email, String displayName, String password) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("displayName", displayName);
		body.put("password", password);
		body.put("confirmPassword", password);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/identity/users"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(RunningSystem.JSON.writeValueAsString(body))));
		if (response.statusCode() == 409) {
			return false;
		}
		expect(response, 201, "creating the shopper " + email);
		return true;
	}

	/** Codes of active SKUs, at most {@code limit}. */
	public List<String> activeSkus(int limit) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/catalog/skus?limit=" + limit)).GET());
		expect(response, 200, "GET /api/catalog/skus");
		List<String> skus = new ArrayList<>();
		for (JsonNode item : RunningSystem.JSON.readTree(response.body()).path("items")) {
			if ("ACTIVE".equals(item.path("status").asString("ACTIVE"))) {
				skus.add(item.path("sku").asString());
			}
		}
		return skus;
	}

	/** A page's body, for what the load needs to know before it starts. */
	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SystemNotRunningException("The edge at " + this.baseUrl + " does not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SystemNotRunningException("Interrupted", ex);
		}
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			String body = response.body();
			throw new SystemNotRunningException(what + " answered " + response.statusCode() + " (expected " + status
					+ "): " + body.substring(0, Math.min(300, body.length())));
		}
	}

}
