package com.blueprintshop.storefront.cart;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.blueprintshop.storefront.GatewayStub;
import com.blueprintshop.storefront.StorefrontApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static com.blueprintshop.storefront.ShopFixtures.AVAILABILITY_PATH;
import static com.blueprintshop.storefront.ShopFixtures.HEADPHONES;
import static com.blueprintshop.storefront.ShopFixtures.PRODUCT_PATH;
import static com.blueprintshop.storefront.ShopFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two storefront instances on real Jetty servers share the machine's Redis, as they do behind
 * the edge: a guest puts something in the cart on one, that instance goes away, and the other
 * shows the cart and changes it. The cart is in the session, and the session is in Redis.
 */
class CartAcrossInstancesIntegrationTests {

	static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final GatewayStub gateway = GatewayStub.shared();

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String cookie;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stopThem() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
			if (instance != null && instance.isActive()) {
				instance.close();
			}
		}
	}

	@BeforeEach
	void catalogAndInventory() {
		gateway.reset();
		gateway.json("GET", PRODUCT_PATH, 200, HEADPHONES).json("GET", AVAILABILITY_PATH, 200, availability(9, 9));
	}

	@AfterEach
	void deleteTheSession() {
		if (this.cookie != null) {
			String id = new String(Base64.getDecoder().decode(this.cookie.substring("BP_SESSION=".length())),
					StandardCharsets.UTF_8);
			second.getBean(StringRedisTemplate.class).delete(List.of("blueprint:session:sessions:" + id));
		}
	}

	@Test
	void aCartPutTogetherOnOneInstanceIsServedAndChangedByAnotherAfterTheFirstHasGone() throws Exception {
		HttpResponse<String> product = request(first, "GET", "/p/studio-headphones", null);
		assertThat(product.statusCode()).isEqualTo(200);
		// browsing costs no session: the page is the edge's to share, and its form has no token
		assertThat(product.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(product.headers().firstValue("Cache-Control")).contains("public, max-age=0, s-maxage=2, must-revalidate");
		assertThat(product.headers().firstValue("ETag")).isPresent();
		assertThat(product.body()).contains("id=\"add-to-cart\"").doesNotContain("name=\"_csrf\"");

		// the browser says the shop's own page posted the form; the cart, and so the session, begins
		HttpResponse<String> added = request(first, "POST", "/cart/lines",
				Map.of("product", "studio-headphones", "sku", "HP-1-WHT", "quantity", "3"), "same-origin");
		assertThat(added.statusCode()).isEqualTo(302);
		this.cookie = sessionCookie(added);
		first.close();

		HttpResponse<String> cart = request(second, "GET", "/cart", null);
		assertThat(cart.statusCode()).isEqualTo(200);
		assertThat(cart.body()).contains("<a id=\"cart-link\" href=\"/cart\">Cart (3)</a>")
			.contains("<span class=\"variant\">White</span>")
			.contains("<td>€64.50</td>");

		Matcher token = CSRF_FIELD.matcher(cart.body().substring(cart.body().indexOf("action=\"/cart/update\"")));
		assertThat(token.find()).isTrue();
		HttpResponse<String> changed = request(second, "POST", "/cart/update",
				Map.of("_csrf", token.group(1), "sku", "HP-1-WHT", "quantity", "1"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(request(second, "GET", "/cart", null).body()).contains("Cart (1)");
	}

	@Test
	void aFormPostedFromAnotherSiteStartsNoCart() throws Exception {
		HttpResponse<String> refused = request(second, "POST", "/cart/lines",
				Map.of("product", "studio-headphones", "sku", "HP-1-WHT", "quantity", "3"), "cross-site");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(gateway.received("GET", PRODUCT_PATH)).as("the product looked up for a cart").isFalse();
	}

	private HttpResponse<String> request(ConfigurableApplicationContext instance, String method, String path,
			Map<String, String> form) throws Exception {
		return request(instance, method, path, form, null);
	}

	private HttpResponse<String> request(ConfigurableApplicationContext instance, String method, String path,
			Map<String, String> form, String fetchSite) throws Exception {
		String port = instance.getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			// as the edge forwards it: the session cookie is Secure
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "8443")
			.header("Accept", "text/html");
		if (this.cookie != null) {
			request.header("Cookie", this.cookie);
		}
		if (fetchSite != null) {
			request.header("Sec-Fetch-Site", fetchSite);
		}
		if (form != null) {
			String body = form.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		String setCookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("BP_SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no BP_SESSION cookie in " + response.headers().map()));
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	private static ConfigurableApplicationContext start() {
		// as command-line arguments: they win over application.yml, as a deployment's settings do
		return new SpringApplicationBuilder(StorefrontApplication.class).run("--server.port=0",
				"--eureka.client.enabled=false", "--spring.data.redis.url=redis://127.0.0.1:6379",
				"--spring.cloud.discovery.client.simple.instances.gateway[0].uri=" + gateway.uri(),
				"--shop.storefront.identity.client-secret=test-secret");
	}

}
