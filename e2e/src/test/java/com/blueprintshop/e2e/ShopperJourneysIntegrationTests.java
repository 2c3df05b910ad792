package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shopper and a member of staff in a real browser against the whole running system: every
 * page crosses edge → storefront → gateway → identity or catalog → PostgreSQL. Sign up, sign
 * out, sign in, a category's second page, a product, a search with a typo, an admin price
 * change seen on the product page, and the security checks that belong at this level.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ShopperJourneysIntegrationTests {

	static final String TYPO_TARGET = "Studio Wireless Headphones";

	final Blueprint blueprint = new Blueprint("shopper-journeys");

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final String email = "shopper-" + this.suffix + "@example.com";

	final String password = "Blueprint-" + this.suffix + "-42";

	// shown on every page once signed in: it must come out as text, never as markup
	final String displayName = "<img src=x onerror=alert(1)>Ada";

	Edge edge;

	WebDriver browser;

	@BeforeAll
	void startTheShop() throws Exception {
		SystemState.deleteRecursively(this.blueprint.home());
		Blueprint.Result up = this.blueprint.run(Duration.ofMinutes(10), "up");
		assertThat(up.exitCode()).as(up.output()).isZero();
		assertThat(up.output()).contains("Staff sign-in (shown this once").contains("admin@blueprint.shop");
		this.edge = Edge.of(this.blueprint);
		this.browser = Browser.start();
	}

	@AfterAll
	void stopTheShop() throws Exception {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.blueprint.downLeavesNothingBehind();
	}

	@Test
	@Order(1)
	void aShopperSignsUpSignsOutAndSignsInAgain() {
		this.browser.get(this.edge.url("/signup"));
		this.browser.findElement(By.id("email")).sendKeys(this.email);
		this.browser.findElement(By.id("displayName")).sendKeys(this.displayName);
		this.browser.findElement(By.id("password")).sendKeys(this.password);
		this.browser.findElement(By.id("confirmPassword")).sendKeys(this.password);
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();

		signInOnIdentitysPage(this.email, this.password);
		assertThat(accountLink().getText()).isEqualTo(this.displayName);
		assertNoAlert();
		Cookie session = this.browser.manage().getCookieNamed("BP_SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isSecure()).isTrue();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");

		signOut();

		this.browser.findElement(By.linkText("Sign in")).click();
		signInOnIdentitysPage(this.email, this.password);
		assertThat(accountLink().getText()).isEqualTo(this.displayName);
	}

	@Test
	@Order(2)
	void eitherStorefrontInstanceServesTheSignedInSession() throws Exception {
		String session = this.browser.manage().getCookieNamed("BP_SESSION").getValue();
		SystemState state = SystemState.read(this.blueprint);
		HttpClient plain = HttpClient.newHttpClient();
		for (String instance : List.of("storefront-1", "storefront-2")) {
			HttpResponse<String> account = plain.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + state.port(instance) + "/account"))
				.header("Cookie", "BP_SESSION=" + session)
				.header("X-Forwarded-Proto", "https")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(account.statusCode()).as(instance).isEqualTo(200);
			assertThat(account.body()).as(instance).contains(this.email);
		}
	}

	@Test
	@Order(3)
	void aShopperBrowsesTheSecondPageOfACategoryAndOpensAProduct() throws Exception {
		this.browser.get(this.edge.url("/"));
		this.browser.findElement(By.cssSelector("a[href^='/c/']")).click();
		Browser.await(this.browser).until(ExpectedConditions.urlContains("/c/"));
		this.browser.findElement(By.cssSelector("a[rel=next]")).click();
		Browser.await(this.browser).until(ExpectedConditions.urlContains("page=2"));
		List<WebElement> products = this.browser.findElements(By.cssSelector("main a[href^='/p/']"));
		assertThat(products).isNotEmpty();

		products.getFirst().click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("product-name")));
		assertThat(this.browser.findElement(By.id("product-name")).getText()).isNotBlank();
		assertThat(this.browser.findElement(By.cssSelector("p.price")).getText()).matches(".*\\d+\\.\\d{2}.*");
		assertThat(this.browser.findElements(By.cssSelector("table.variants tbody tr"))).isNotEmpty();
		String image = this.browser.findElement(By.cssSelector("img.main-image")).getAttribute("src");
		assertThat(image).contains("/images/");
		Browser.screenshot(this.browser, this.blueprint.home().resolve("screenshots/product.png"));

		// content-addressed, so the edge, a CDN and the browser may keep it for good
		HttpResponse<String> bytes = this.edge.get(URI.create(image).getPath());
		assertThat(bytes.statusCode()).isEqualTo(200);
		assertThat(bytes.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("image/"));
		assertThat(bytes.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
	}

	@Test
	@Order(4)
	void aShopperFindsAProductDespiteATypo() throws Exception {
		this.browser.get(this.edge.url("/"));
		WebElement search = this.browser.findElement(By.id("site-search"));
		search.sendKeys("hedphones");
		search.submit();
		Browser.await(this.browser).until(ExpectedConditions.urlContains("/search"));
		assertThat(this.browser.findElements(By.linkText(TYPO_TARGET))).isNotEmpty();
		Browser.screenshot(this.browser, this.blueprint.home().resolve("screenshots/search.png"));
	}

	@Test
	@Order(5)
	void searchTreatsScriptAndSqlAsText() {
		for (String payload : List.of("<script>alert(1)</script>", "' OR 1=1 --")) {
			this.browser.get(this.edge.url("/search?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)));
			assertNoAlert();
			assertThat(this.browser.findElement(By.id("search-query")).getAttribute("value")).isEqualTo(payload);
			assertThat(this.browser.findElement(By.id("results-heading")).getText()).isNotBlank();
			assertThat(this.browser.findElements(By.xpath("//script[contains(., 'alert(1)')]"))).isEmpty();
		}
	}

	@Test
	@Order(6)
	void anAdminChangesAPriceAndTheProductPageShowsIt() throws Exception {
		signOut();
		this.browser.findElement(By.linkText("Sign in")).click();
		signInOnIdentitysPage("admin@blueprint.shop", adminPassword());
		this.browser.get(this.edge.url("/admin/catalog?q=" + URLEncoder.encode(TYPO_TARGET, StandardCharsets.UTF_8)));
		this.browser.findElement(By.linkText(TYPO_TARGET)).click();
		WebElement price = Browser.await(this.browser).until(ExpectedConditions.elementToBeClickable(By.id("price")));
		price.clear();
		price.sendKeys("123.45");
		this.browser.findElement(By.xpath("//button[normalize-space()='Save changes']")).click();
		Browser.await(this.browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/edit-pending")));

		this.browser.get(this.edge.url("/search?q=" + URLEncoder.encode(TYPO_TARGET, StandardCharsets.UTF_8)));
		this.browser.findElement(By.linkText(TYPO_TARGET)).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("product-name")));
		assertThat(this.browser.findElement(By.cssSelector("p.price")).getText()).contains("123.45");
	}

	@Test
	@Order(7)
	void theApiRefusesMissingForgedAndUnderprivilegedTokens() throws Exception {
		String clientToken = clientCredentialsToken();
		assertThat(adminApi(null).statusCode()).isEqualTo(401);
		assertThat(adminApi(clientToken).statusCode()).as("a token without the ADMIN role").isEqualTo(403);
		String[] parts = clientToken.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
		assertThat(adminApi(forged).statusCode()).isEqualTo(401);
		assertThat(this.edge.get("/api/catalog/products/no-such-product").statusCode()).isEqualTo(404);
	}

	@Test
	@Order(8)
	void aFormPostWithoutItsCsrfTokenIsRejected() throws Exception {
		HttpResponse<String> response = this.edge.send(this.edge.request("/signup")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=csrf%40example.com&displayName=x&password=Abcdefgh12"
					+ "&confirmPassword=Abcdefgh12")));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	@Order(9)
	void aShopperBuysTwoProductsTheStatusPageConfirmsByItselfAndTheConfirmationIsMailed() throws Exception {
		signInAsTheShopper();
		addToCart(TYPO_TARGET, 1);
		addToCart(anotherProductInStock(), 2);
		this.browser.findElement(By.id("cart-link")).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("cart-table")));
		assertThat(this.browser.findElements(By.cssSelector("#cart-table tr[data-sku]"))).hasSize(2);
		assertThat(this.browser.findElements(By.id("cart-short"))).isEmpty();

		String orderId = checkOut();
		Browser.await(this.browser, Duration.ofSeconds(90))
			.until(ExpectedConditions.textToBe(By.id("order-status"), "CONFIRMED"));
		assertThat(this.browser.getCurrentUrl()).as("no reload: still the same page").endsWith("/orders/" + orderId);
		Browser.screenshot(this.browser, this.blueprint.home().resolve("screenshots/order-confirmed.png"));

		Mailbox mailbox = new Mailbox(this.blueprint);
		org.awaitility.Awaitility.await("the confirmation e-mail")
			.atMost(Duration.ofMinutes(1))
			.until(() -> mailbox.aboutOrder(orderId) == 1);

		this.browser.findElement(By.id("orders-link")).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("order-history")));
		assertThat(this.browser.findElements(By.cssSelector("#order-history tr[data-order-id='" + orderId + "']")))
			.hasSize(1);
	}

	@Test
	@Order(10)
	void aDeclinedPaymentEndsRejectedAndTheStockComesBack() throws Exception {
		ShopApi api = new ShopApi(this.blueprint, this.edge);
		String admin = api.signIn("admin@blueprint.shop", adminPassword());
		String code = api.get("/api/catalog/products/studio-wireless-headphones", null).json().get("skus").get(0)
			.get("sku").asString();
		int before = available(api, code);
		setDeclineRate(api, admin, 1.0);
		try {
			addToCart(TYPO_TARGET, 1);
			String orderId = checkOut();
			Browser.await(this.browser, Duration.ofSeconds(90))
				.until(ExpectedConditions.textToBe(By.id("order-status"), "REJECTED"));
			assertThat(this.browser.findElement(By.id("order-reason")).getText()).contains("declined");
			org.awaitility.Awaitility.await("the reserved unit to be released")
				.atMost(Duration.ofMinutes(1))
				.until(() -> available(api, code) == before);
			assertThat(new Mailbox(this.blueprint).aboutOrder(orderId)).as("the rejection is mailed").isOne();
		}
		finally {
			setDeclineRate(api, admin, 0.0);
		}
	}

	/**
	 * The performance lab's smoke run in CI: a few seconds of the browse-heavy mix at a low rate
	 * against the running system. It asserts what a run must produce — every request answered,
	 * a complete report — and nothing about speed (that is docs/benchmarks.md's).
	 */
	@Test
	@Order(11)
	void aShortLoadRunAnswersEveryRequestAndWritesACompleteReport() throws Exception {
		java.nio.file.Path out = this.blueprint.home().resolve("load/smoke");
		Blueprint.Result load = this.blueprint.run(Duration.ofMinutes(5), "load", "--profile", "mix", "--rate", "2",
				"--duration", "8s", "--warmup", "2s", "--max-errors", "0", "--out", out.toString());
		assertThat(load.exitCode()).as(load.output()).isZero();

		tools.jackson.databind.JsonNode report = ShopApi.JSON.readTree(out.resolve("report.json").toFile());
		assertThat(report.at("/meta/profile").asString()).isEqualTo("mix");
		assertThat(report.at("/meta/injection/model").asString()).isEqualTo("open");
		tools.jackson.databind.JsonNode all = report.get("requests")
			.valueStream()
			.filter((r) -> r.get("name").asString().equals("all"))
			.findFirst()
			.orElseThrow();
		assertThat(all.get("count").asLong()).isPositive();
		assertThat(all.get("ko").asLong()).isZero();
		assertThat(report.get("requests").size()).as("request types besides all").isGreaterThan(1);
		assertThat(report.get("timeline").size()).isPositive();
		java.util.List<String> sampled = report.get("processes").valueStream()
			.map((p) -> p.get("component").asString())
			.toList();
		assertThat(sampled).contains("load-generator", "postgres", "catalog", "gateway", "storefront-1", "edge");
		assertThat(report.get("processes").get(0).get("samples").size()).isPositive();
		assertThat(report.get("metrics").valueStream().map((m) -> m.get("component").asString()).toList())
			.contains("catalog", "gateway");
		assertThat(report.at("/saturation/first").asString()).isNotBlank();
		String html = java.nio.file.Files.readString(out.resolve("report.html"));
		assertThat(html).contains("<svg").contains("catalog").contains("load-generator");
	}

	@Test
	@Order(12)
	void theEdgeNeverServesOnePersonsPageToAnother() throws Exception {
		ShopApi api = new ShopApi(this.blueprint, this.edge);
		String otherEmail = "other-" + this.suffix + "@example.com";
		api.newShopperToken(otherEmail, this.password);
		Map<String, String> sessions = new LinkedHashMap<>();
		sessions.put(this.email, api.storefrontSession(this.email, this.password));
		sessions.put(otherEmail, api.storefrontSession(otherEmail, this.password));

		// each asks twice, in turns: a stored page would be handed to the other
		for (int round = 0; round < 2; round++) {
			for (Map.Entry<String, String> person : sessions.entrySet()) {
				HttpResponse<String> account = this.edge.send(this.edge.request("/account").header("Cookie", person.getValue()).GET());
				assertThat(account.statusCode()).isEqualTo(200);
				assertThat(account.body()).contains(person.getKey());
				sessions.keySet().stream().filter((e) -> !e.equals(person.getKey()))
					.forEach((other) -> assertThat(account.body()).doesNotContain(other));
				assertThat(account.headers().firstValue("Cache-Control")).hasValue("no-store");
				assertThat(account.headers().firstValue("X-Cache-Status")).isNotEqualTo(Optional.of("HIT"));

				HttpResponse<String> home = this.edge.send(this.edge.request("/").header("Cookie", person.getValue()).GET());
				assertThat(home.headers().firstValue("X-Cache-Status")).hasValue("BYPASS");
				assertThat(home.headers().firstValue("Cache-Control")).hasValueSatisfying((c) -> assertThat(c).startsWith("private"));
			}
		}
		// and the anonymous copy of the same page names nobody
		HttpResponse<String> anonymous = this.edge.get("/");
		assertThat(anonymous.headers().firstValue("Cache-Control")).hasValueSatisfying((c) -> assertThat(c).startsWith("public"));
		sessions.keySet().forEach((person) -> assertThat(anonymous.body()).doesNotContain(person));
		assertThat(this.edge.get("/account").statusCode()).as("no session, no account page").isEqualTo(302);
	}

	@Test
	@Order(13)
	void aVisitorWithoutASessionAddsToTheCartFromAPageEveryoneIsServed() {
		this.browser.get(this.edge.url("/"));
		this.browser.manage().deleteAllCookies();
		this.browser.get(this.edge.url("/search?q=" + URLEncoder.encode(TYPO_TARGET, StandardCharsets.UTF_8)));
		this.browser.findElement(By.linkText(TYPO_TARGET)).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("add-to-cart")));
		// the page is the one the edge may keep for everyone: no session, so no token in its form
		assertThat(this.browser.findElements(By.cssSelector("#add-to-cart input[name=_csrf]"))).isEmpty();
		assertThat(this.browser.manage().getCookieNamed("BP_SESSION")).isNull();

		// Chromium says the post comes from the shop itself (Sec-Fetch-Site), which is what lets it in
		addToCart(TYPO_TARGET, 1);

		assertThat(this.browser.manage().getCookieNamed("BP_SESSION")).as("the cart made the session").isNotNull();
		this.browser.get(this.edge.url("/cart"));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(TYPO_TARGET);
	}

	private void signInAsTheShopper() {
		this.browser.get(this.edge.url("/"));
		if (!this.browser.findElements(By.xpath("//button[normalize-space()='Sign out']")).isEmpty()) {
			signOut();
		}
		this.browser.findElement(By.linkText("Sign in")).click();
		signInOnIdentitysPage(this.email, this.password);
	}

	/** Opens the product by searching its name and adds {@code quantity} of its first variant in stock. */
	private void addToCart(String name, int quantity) {
		this.browser.get(this.edge.url("/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
		this.browser.findElement(By.linkText(name)).click();
		WebElement amount = Browser.await(this.browser)
			.until(ExpectedConditions.elementToBeClickable(By.id("add-quantity")));
		org.openqa.selenium.support.ui.Select variant = new org.openqa.selenium.support.ui.Select(
				this.browser.findElement(By.id("add-sku")));
		WebElement inStock = variant.getOptions()
			.stream()
			.filter((option) -> option.getText().endsWith("In stock"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no variant of " + name + " is in stock"));
		variant.selectByValue(inStock.getAttribute("value"));
		amount.clear();
		amount.sendKeys(Integer.toString(quantity));
		this.browser.findElement(By.id("add-to-cart-button")).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("view-cart")));
	}

	/** The name of a product from the home page that inventory has at least a few of. */
	private String anotherProductInStock() {
		this.browser.get(this.edge.url("/c/audio"));
		List<String> names = this.browser.findElements(By.cssSelector("main a[href^='/p/']"))
			.stream()
			.map(WebElement::getText)
			.filter((name) -> !name.isBlank() && !name.equals(TYPO_TARGET))
			.distinct()
			.toList();
		for (String name : names) {
			this.browser.findElement(By.linkText(name)).click();
			String availability = Browser.await(this.browser)
				.until(ExpectedConditions.presenceOfElementLocated(By.id("availability")))
				.getText();
			if (availability.equals("In stock")) {
				return name;
			}
			this.browser.navigate().back();
		}
		throw new AssertionError("no product of /c/audio is in stock: " + names);
	}

	/** Fills the checkout form with the test card and places the order. @return the order's id */
	private String checkOut() {
		this.browser.get(this.edge.url("/checkout"));
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-form")));
		type("name", "Ada Lovelace");
		type("line1", "12 Analytical Row");
		type("city", "Dublin");
		type("postcode", "D02 X285");
		type("cardNumber", "4242 4242 4242 4242");
		type("expiryMonth", "12");
		type("expiryYear", "2035");
		type("cvc", "123");
		this.browser.findElement(By.id("place-order")).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.id("order-status")));
		String url = this.browser.getCurrentUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		if ("select".equals(field.getTagName())) {
			new org.openqa.selenium.support.ui.Select(field).selectByVisibleText(text);
			return;
		}
		field.clear();
		field.sendKeys(text);
	}

	private static int available(ShopApi api, String sku) throws Exception {
		return api.get("/api/inventory/availability?sku=" + sku, null).json().get(0).get("available").asInt();
	}

	private static void setDeclineRate(ShopApi api, String admin, double rate) throws Exception {
		ShopApi.Reply set = api.call("PUT", "/api/payment/admin/provider", admin, null,
				java.util.Map.of("latencyMs", 0, "declineRate", rate, "outage", false));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	private void signInOnIdentitysPage(String email, String password) {
		Browser.await(this.browser).until(ExpectedConditions.urlContains("/auth/login"));
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/account']")));
	}

	private WebElement accountLink() {
		return this.browser.findElement(By.cssSelector("a[href='/account']"));
	}

	private void signOut() {
		this.browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
		Browser.await(this.browser).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
	}

	private void assertNoAlert() {
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.browser.switchTo().alert());
	}

	private Properties secrets() throws IOException {
		Properties secrets = new Properties();
		try (Reader reader = Files.newBufferedReader(this.blueprint.home().resolve("secrets.properties"))) {
			secrets.load(reader);
		}
		return secrets;
	}

	private String adminPassword() throws IOException {
		return secrets().getProperty("identity.admin.password");
	}

	private String clientCredentialsToken() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString(("storefront:" + secrets().getProperty("oauth.client.storefront.secret"))
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> token = this.edge.send(this.edge.request("/auth/oauth2/token")
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=users.register")));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(token.body()).path("access_token").asString();
	}

	private HttpResponse<String> adminApi(String token) throws Exception {
		HttpRequest.Builder request = this.edge.request("/api/catalog/admin/products");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.edge.send(request.GET());
	}

}
