package com.blueprintshop.storefront.system;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront on a real Jetty server, as a browser behind the edge sees it, with its session
 * in the machine's Redis. Sign-in sends the browser to identity's authorization endpoint with PKCE
 * and a redirect URI on the edge's origin, and keeps the flow's secrets (state, nonce, code
 * verifier) in the session, which the browser knows only by a Secure, HttpOnly, SameSite cookie.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.data.redis.url=redis://127.0.0.1:6379",
				"spring.cloud.discovery.client.simple.instances.gateway[0].uri=http://127.0.0.1:9",
				"shop.storefront.identity.client-secret=test-secret" })
class BrowserSessionIntegrationTests {

	static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final String AUTHORIZATION_REQUEST_ATTRIBUTE = "sessionAttr:org.springframework.security.oauth2.client.web."
			+ "HttpSessionOAuth2AuthorizationRequestRepository.AUTHORIZATION_REQUEST";

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void sendsTheBrowserToIdentityWithPkceAndKeepsTheFlowInRedis() throws Exception {
		HttpResponse<String> signIn = throughTheEdge("/signin");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(pathOf(signIn)).isEqualTo("/oauth2/authorization/identity");

		HttpResponse<String> authorize = throughTheEdge("/oauth2/authorization/identity");
		assertThat(authorize.statusCode()).isEqualTo(302);
		URI location = URI.create(authorize.headers().firstValue("Location").orElseThrow());
		assertThat(location.getPath()).isEqualTo("/auth/oauth2/authorize");
		if (location.isAbsolute()) {
			assertThat(location.getScheme() + "://" + location.getAuthority()).isEqualTo("https://localhost:8443");
		}
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build(true).getQueryParams();
		assertThat(decoded(query.getFirst("redirect_uri"))).isEqualTo("https://localhost:8443/login/oauth2/code/identity");
		assertThat(query.getFirst("client_id")).isEqualTo("storefront");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		assertThat(query.getFirst("code_challenge")).isNotBlank();
		assertThat(query.getFirst("state")).isNotBlank();

		String cookie = sessionCookie(authorize);
		assertThat(cookie).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
		String key = sessionKey(cookie);
		try {
			assertThat(this.redis.opsForHash().keys(key)).as("the session in Redis")
				.contains(AUTHORIZATION_REQUEST_ATTRIBUTE);
		}
		finally {
			this.redis.delete(List.of(key));
		}
	}

	@Test
	void checksTheCsrfTokenOfAMultipartUpload() throws Exception {
		HttpResponse<String> signup = throughTheEdge("/signup");
		String cookie = sessionCookie(signup);
		Matcher token = CSRF_FIELD.matcher(signup.body());
		assertThat(token.find()).as("a CSRF field in the sign-up form").isTrue();
		String upload = "/admin/catalog/products/8a6e0804-2bd0-4672-b79a-d97f5ad68baa/images";
		try {
			// the token is read from the multipart body before the request reaches Spring MVC: with
			// it, the anonymous upload gets as far as "sign in first"; without it, it is refused
			HttpResponse<String> withToken = multipart(upload, cookie, token.group(1));
			assertThat(withToken.statusCode()).isEqualTo(302);
			assertThat(URI.create(withToken.headers().firstValue("Location").orElseThrow()).getPath())
				.isEqualTo("/signin");
			HttpResponse<String> withoutToken = multipart(upload, cookie, null);
			assertThat(withoutToken.statusCode()).isEqualTo(403);
			assertThat(withoutToken.body()).contains("You cannot open this page");
		}
		finally {
			this.redis.delete(List.of(sessionKey(cookie)));
		}
	}

	private HttpResponse<String> multipart(String path, String cookie, String csrfToken) throws Exception {
		String boundary = "----storefront-test-boundary";
		StringBuilder body = new StringBuilder();
		if (csrfToken != null) {
			body.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
				.append(csrfToken).append("\r\n");
		}
		body.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n")
			.append("Content-Type: image/png\r\n\r\n")
			.append("PNG\r\n")
			.append("--").append(boundary).append("--\r\n");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "8443")
			.header("Cookie", cookie.substring(0, cookie.indexOf(';')))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return this.browser.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("BP_SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no BP_SESSION cookie in " + response.headers().map()));
	}

	private static String sessionKey(String cookie) {
		String sessionId = new String(Base64.getDecoder()
			.decode(cookie.substring("BP_SESSION=".length(), cookie.indexOf(';'))), StandardCharsets.UTF_8);
		return "blueprint:session:sessions:" + sessionId;
	}

	private HttpResponse<String> throughTheEdge(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "8443")
			.header("X-Forwarded-For", "203.0.113.7")
			.GET()
			.build();
		return this.browser.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String pathOf(HttpResponse<?> response) {
		return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
	}

	private static String decoded(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
