package com.blueprintshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as identity sees it behind the edge and the gateway: it speaks to
 * {@code https://localhost:8443/auth/…}, which this class sends to the identity instance under test
 * with the headers the gateway adds (X-Forwarded-Prefix /auth, host, proto, port, and the
 * browser's address in X-Forwarded-For). It keeps cookies itself, Secure ones included, as a
 * browser on the https edge would, and follows no redirects on its own.
 */
final class Browser {

	static final String EDGE = "https://localhost:8443";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final List<String> setCookieHeaders = new ArrayList<>();

	private final String clientAddress;

	private int identityPort;

	Browser(int identityPort, String clientAddress) {
		this.identityPort = identityPort;
		this.clientAddress = clientAddress;
	}

	/** Sends later requests to another identity instance, as the gateway's load balancer may. */
	void switchTo(int identityPort) {
		this.identityPort = identityPort;
	}

	List<String> setCookieHeaders() {
		return this.setCookieHeaders;
	}

	HttpResponse<String> get(String edgeUrl) {
		return send(HttpRequest.newBuilder().GET(), edgeUrl);
	}

	HttpResponse<String> post(String edgeUrl, Map<String, String> form) {
		return send(HttpRequest.newBuilder()
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(form))), edgeUrl);
	}

	/**
	 * Opens the sign-in page and submits it as a person would.
	 * @return the response to the form post
	 */
	HttpResponse<String> signIn(String email, String password) {
		HttpResponse<String> page = get(EDGE + "/auth/login");
		assertThat(page.statusCode()).isEqualTo(200);
		return submitSignIn(page.body(), email, password);
	}

	HttpResponse<String> submitSignIn(String signInPage, String email, String password) {
		String action = find(FORM_ACTION, signInPage);
		assertThat(action).as("form action seen through the edge").isEqualTo("/auth/login");
		return post(EDGE + action, Map.of("email", email, "password", password, "_csrf", find(CSRF, signInPage)));
	}

	static String location(HttpResponse<?> response) {
		assertThat(response.statusCode()).as("redirect").isBetween(300, 399);
		return response.headers().firstValue("Location").orElseThrow();
	}

	static String formBody(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("%s in %s", pattern, html).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String edgeUrl) {
		String prefix = EDGE + "/auth";
		assertThat(edgeUrl).as("a URL of identity at the edge").startsWith(prefix + "/");
		request.uri(URI.create("http://127.0.0.1:" + this.identityPort + edgeUrl.substring(prefix.length())))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "localhost:8443")
			.header("X-Forwarded-Port", "8443")
			.header("X-Forwarded-Prefix", "/auth")
			.header("X-Forwarded-For", this.clientAddress + ", 10.0.0.2");
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet()
				.stream()
				.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				this.setCookieHeaders.add(header);
				String pair = header.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(edgeUrl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
