package com.blueprintshop.perflab.journey;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.blueprintshop.perflab.shop.ShopperPool;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;

/**
 * The shoppers' and staff's journeys through the storefront, as a browser walks them: pages by
 * their links, forms with their CSRF tokens, sign-in at identity with redirects followed and
 * cookies kept per user. Every request is named for the report; every response is checked, so a
 * wrong page counts as a failure, not only a wrong status.
 */
final class Journeys {

	/** The checkout polls the order page at most this many times, one second apart. */
	static final int MAX_ORDER_POLLS = 30;

	static final int PRODUCTS_PER_BROWSE = 3;

	/** A buyer opens at most this many products looking for one in stock. */
	static final int MAX_PRODUCT_TRIES = 4;

	private final ShopData data;

	private final Outcomes outcomes;

	private final double thinkSeconds;

	Journeys(ShopData data, Outcomes outcomes, double thinkSeconds) {
		this.data = data;
		this.outcomes = outcomes;
		this.thinkSeconds = thinkSeconds;
	}

	ChainBuilder of(Profile profile) {
		return switch (profile) {
			case BROWSE -> browse();
			case BUY -> signedIn(buy());
			case ACCOUNT -> signedIn(account());
			case STAFF -> staff();
			case MIX -> mix();
		};
	}

	/** Each arriving user takes one journey, drawn by {@link Profile#MIX_WEIGHTS}. */
	ChainBuilder mix() {
		List<Choice.WithWeight> choices = new ArrayList<>();
		Profile.MIX_WEIGHTS.forEach((journey, weight) -> choices.add(new Choice.WithWeight(weight, of(journey))));
		return randomSwitch().on(choices);
	}

	/** Home, a department, three of its products, a search. */
	ChainBuilder browse() {
		return exitBlockOnFail().on(home(), think(), category(),
				repeat(PRODUCTS_PER_BROWSE).on(think(), exec(http("product page").get((s) -> pick(s, "products"))
					.check(status().in(200, 304))
					.checkIf(Journeys::fresh).then(css("#product-name").exists()))),
				think(), exec(http("search").get((s) -> "/search?q=" + encode(this.data.randomWord()))
					.check(status().in(200, 304))
					.checkIf(Journeys::fresh).then(css("#results-heading").exists())));
	}

	/**
	 * A page the user saw before comes back as 304 when nothing changed: like a browser, Gatling
	 * keeps what it was sent and revalidates it with its ETag; only a 200 has a body to check.
	 */
	private static boolean fresh(io.gatling.http.response.Response response, io.gatling.javaapi.core.Session session) {
		return response.status().code() == 200;
	}

	/**
	 * Signed in as a shopper, a product in stock into the cart, checkout with the test card, then
	 * the order page until the saga settles the order.
	 */
	ChainBuilder buy() {
		return exec(signIn(), think(), home(), think(), category(),
				exec((s) -> s.set("skuChoices", List.of())),
				asLongAs((s) -> s.getList("skuChoices").isEmpty(), "productTries").on(
						doIf((s) -> s.getInt("productTries") >= MAX_PRODUCT_TRIES).then(exec((s) -> {
							this.outcomes.count("no product in stock found");
							return s.markAsFailed();
						})),
						think(),
						exec(http("product page").get((s) -> pick(s, "products"))
							.check(status().is(200), css("#product-name").exists(), bodyString().saveAs("page"))),
						exec((s) -> s.set("skuChoices", Html.skusInStock(s.getString("page")))
							.set("product", productSlug(s.getString("page")))
							.set("csrf", Html.csrf(s.getString("page"))))),
				think(),
				exec(http("add to cart").post("/cart/lines")
					.formParam("product", "#{product}")
					.formParam("sku", (s) -> pick(s, "skuChoices"))
					.formParam("quantity", "1")
					.formParam("_csrf", "#{csrf}")
					.check(status().is(200), css("#view-cart").exists())),
				think(),
				exec(http("checkout page").get("/checkout")
					.check(status().is(200), css("input[name=idempotencyKey]", "value").saveAs("idempotencyKey"),
							regex(Html.CSRF_PATTERN).transform(Html::unescape).saveAs("csrf"))),
				think(),
				exec(http("place order").post("/checkout")
					.formParam("idempotencyKey", "#{idempotencyKey}")
					.formParam("name", "Load Shopper")
					.formParam("line1", "1 Load Lane")
					.formParam("line2", "")
					.formParam("city", "Dublin")
					.formParam("postcode", "D01 F5P2")
					.formParam("country", "IE")
					.formParam("cardNumber", "4242 4242 4242 4242")
					.formParam("expiryMonth", "12")
					.formParam("expiryYear", "2035")
					.formParam("cvc", "123")
					.formParam("_csrf", "#{csrf}")
					.check(status().is(200), regex("id=\"order-status\"[^>]*>\\s*([A-Z_]+)").saveAs("orderStatus"),
							currentLocation().saveAs("orderUrl"))),
				asLongAs((s) -> "PENDING".equals(s.getString("orderStatus")) && s.getInt("polls") < MAX_ORDER_POLLS,
						"polls")
					.on(pause(Duration.ofSeconds(1)), exec(http("order status").get("#{orderUrl}")
						.check(status().is(200),
								regex("id=\"order-status\"[^>]*>\\s*([A-Z_]+)").saveAs("orderStatus")))),
				doIf((s) -> "PENDING".equals(s.getString("orderStatus")))
					.then(exec(http("order settled").get("#{orderUrl}")
						.check(regex("id=\"order-status\"[^>]*>\\s*([A-Z_]+)").not("PENDING")))),
				exec((s) -> {
					this.outcomes.count("order " + s.getString("orderStatus"));
					return s;
				}));
	}

	/** Signed in as a shopper: the order history and the account page. */
	ChainBuilder account() {
		return exec(signIn(), think(),
				exec(http("order history").get("/orders").check(status().is(200), css("main h1").exists())), think(),
				exec(http("account page").get("/account")
					.check(status().is(200), css("dl.profile").exists(), bodyString().saveAs("page"))));
	}

	/**
	 * Signed in as the admin: the product list, one product's price edited (with the version its
	 * form carries), and a small stock count uploaded as CSV.
	 */
	ChainBuilder staff() {
		return exitBlockOnFail().on(
				exec((s) -> s.set("email", this.data.adminEmail()).set("password", this.data.adminPassword())),
				signIn(), think(),
				exec(http("admin product list")
					.get((s) -> "/admin/catalog?page=" + (1 + ThreadLocalRandom.current().nextInt(100)))
					.check(status().is(200),
							regex("href=\"(/admin/catalog/products/[0-9a-f-]{36})\"").findAll().saveAs("editLinks"))),
				think(),
				exec(http("admin product form").get((s) -> pick(s, "editLinks"))
					.check(status().is(200), currentLocation().saveAs("formUrl"), bodyString().saveAs("page"))),
				exec(Journeys::readProductForm), think(),
				exec(http("save product").post("#{formUrl}")
					.formParam("_csrf", "#{csrf}")
					.formParam("version", "#{version}")
					.formParam("name", "#{name}")
					.formParam("description", "#{description}")
					.formParam("categorySlug", "#{categorySlug}")
					.formParam("price", "#{price}")
					.formParamMap((s) -> s.getBoolean("featured") ? Map.of("featured", "true", "_featured", "on")
							: Map.of("_featured", "on"))
					.check(status().is(200), css("p.notice").is("Changes saved."))),
				think(),
				exec(http("stock page").get("/admin/stock")
					.check(status().is(200), regex(Html.CSRF_PATTERN).transform(Html::unescape).saveAs("csrf"))),
				think(),
				exec(http("upload stock").post("/admin/stock/uploads")
					.header("X-CSRF-TOKEN", "#{csrf}")
					.formParam("_csrf", "#{csrf}")
					.bodyPart(ByteArrayBodyPart("file", (s) -> this.data.stockCsv()).fileName("stock.csv")
						.contentType("text/csv"))
					.asMultipartForm()
					.check(status().is(200), css("#report-rejected").is("0"))));
	}

	/** Leases an account for the journey and gives it back however the journey ends. */
	ChainBuilder signedIn(ChainBuilder journey) {
		ShopperPool pool = this.data.shoppers();
		return exec((s) -> {
			ShopperPool.Shopper shopper = pool.lease();
			return s.set("shopper", shopper).set("email", shopper.email()).set("password", shopper.password());
		}).exitBlockOnFail().on(journey).exec((s) -> {
			pool.release(s.get("shopper"));
			return s;
		});
	}

	/**
	 * {@code /signin} follows the authorization code flow to identity's sign-in form; posting it
	 * follows the redirects back to the storefront, signed in.
	 */
	ChainBuilder signIn() {
		return exec(http("sign in").get("/signin")
			.check(status().is(200), regex(Html.CSRF_PATTERN).transform(Html::unescape).saveAs("loginCsrf")),
				think(),
				exec(http("submit sign-in").post("/auth/login")
					.formParam("email", "#{email}")
					.formParam("password", "#{password}")
					.formParam("_csrf", "#{loginCsrf}")
					.check(status().is(200), css("a[href='/account']").exists())));
	}

	private ChainBuilder home() {
		return exec(http("home").get("/")
			.check(status().is(200), css("nav.departments a", "href").findAll().saveAs("departments")));
	}

	private ChainBuilder category() {
		return exec(http("category page").get((s) -> pick(s, "departments"))
			.check(status().is(200), css("main a[href^='/p/']", "href").findAll().saveAs("products")));
	}

	private ChainBuilder think() {
		if (this.thinkSeconds <= 0) {
			return exec((s) -> s);
		}
		long millis = Math.round(this.thinkSeconds * 1000);
		return exec(pause(Duration.ofMillis(millis / 2), Duration.ofMillis(millis * 3 / 2)));
	}

	private static Session readProductForm(Session s) {
		String page = s.getString("page");
		String version = Html.inputValue(page, "version");
		String price = Html.inputValue(page, "price");
		if (version == null || price == null || price.isBlank()) {
			return s.markAsFailed();
		}
		return s.set("csrf", Html.csrf(page))
			.set("version", version)
			.set("name", Html.inputValue(page, "name"))
			.set("description", java.util.Objects.requireNonNullElse(Html.textarea(page, "description"), ""))
			.set("categorySlug", Html.selected(page, "categorySlug"))
			.set("price", nudged(new BigDecimal(price)).toPlainString())
			.set("featured", Html.checked(page, "featured"));
	}

	/** A cent up or down, so that repeated edits wander around the seeded price instead of away from it. */
	static BigDecimal nudged(BigDecimal price) {
		BigDecimal cent = new BigDecimal("0.01");
		BigDecimal cents = price.movePointRight(2);
		boolean odd = cents.remainder(BigDecimal.valueOf(2)).signum() != 0;
		BigDecimal nudged = odd || price.compareTo(new BigDecimal("0.02")) < 0 ? price.add(cent) : price.subtract(cent);
		return nudged.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private static String productSlug(String page) {
		return Html.inputValue(page, "product");
	}

	private static String pick(Session session, String key) {
		List<Object> values = session.getList(key);
		return String.valueOf(values.get(ThreadLocalRandom.current().nextInt(values.size())));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
