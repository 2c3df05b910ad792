package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system on embedded infrastructure, from a clean state: {@code ./blueprint up},
 * every component ready and registered, one request from a browser through the TLS edge,
 * storefront, gateway and a service to its PostgreSQL and back, a rolling restart, and
 * {@code ./blueprint down} leaving no process and no port behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class SystemIntegrationTests {

	static final List<String> SERVICES = List.of("identity", "catalog", "inventory", "order", "payment",
			"notification", "analytics");

	final Blueprint blueprint = new Blueprint("system-embedded");

	Blueprint.Result up;

	@BeforeAll
	void startFromACleanState() throws Exception {
		SystemState.deleteRecursively(this.blueprint.home());
		// hold storefront-2's default port: the launcher must say so and choose another
		try (ServerSocket taken = new ServerSocket(8082, 1, InetAddress.getLoopbackAddress())) {
			this.up = this.blueprint.run(Duration.ofMinutes(10), "up");
		}
	}

	@Test
	@Order(1)
	void upStartsEveryComponentAndReportsATakenPort() throws IOException {
		assertThat(this.up.exitCode()).as(this.up.output()).isZero();
		assertThat(this.up.output()).contains("COMPONENT", "PID", "PORT", "URL", "STATE")
			.contains("port 8082 was taken");
		SystemState state = SystemState.read(this.blueprint);
		assertThat(state.names()).contains("postgres", "redis", "kafka", "mail", "discovery", "gateway",
				"storefront-1", "storefront-2", "edge")
			.containsAll(SERVICES);
		assertThat(state.port("storefront-2")).isNotEqualTo(8082);
		for (String name : state.names()) {
			assertThat(ProcessHandle.of(state.pid(name))).as(name + " is running")
				.hasValueSatisfying(p -> assertThat(Blueprint.isRunning(p)).isTrue());
		}
	}

	@Test
	@Order(2)
	void statusFindsEveryComponentReady() throws Exception {
		Blueprint.Result status = this.blueprint.run(Duration.ofMinutes(1), "status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.output()).doesNotContain("not ready").doesNotContain("dead");
	}

	@Test
	@Order(3)
	void everyServiceIsRegisteredInDiscovery() throws Exception {
		SystemState state = SystemState.read(this.blueprint);
		HttpResponse<String> apps = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + state.port("discovery") + "/eureka/apps"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode applications = JsonMapper.builder().build().readTree(apps.body()).path("applications").path("application");
		List<String> registered = new ArrayList<>();
		applications.forEach(app -> app.path("instance").forEach(instance -> {
			if ("UP".equals(instance.path("status").asString())) {
				registered.add(app.path("name").asString().toLowerCase());
			}
		}));
		assertThat(registered).containsAll(SERVICES).contains("gateway");
		assertThat(registered.stream().filter("storefront"::equals)).hasSize(2);
	}

	@Test
	@Order(4)
	void aRequestCrossesEveryTierThroughTheTlsEdge() throws Exception {
		Edge edge = Edge.of(this.blueprint);
		HttpResponse<String> system = edge.get("/system");
		assertThat(system.statusCode()).isEqualTo(200);
		assertThat(system.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(system.body()).contains("Every service answered through the gateway.");
		for (String service : SERVICES) {
			assertThat(system.body()).contains("data-service=\"" + service + "\"").contains("bp_" + service + " · PostgreSQL 17");
		}
	}

	@Test
	@Order(5)
	void theEdgeServesFingerprintedAssetsForAYear() throws Exception {
		Edge edge = Edge.of(this.blueprint);
		Matcher link = Pattern.compile("/static/css/shop-[0-9a-f]{32}\\.css").matcher(edge.get("/").body());
		assertThat(link.find()).as("the home page links the fingerprinted stylesheet").isTrue();
		HttpResponse<String> css = edge.get(link.group());
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(css.body()).isEqualTo(Files.readString(Blueprint.REPO.resolve("storefront/target/classes/static/css/shop.css")));
	}

	@Test
	@Order(6)
	void aBrowserShowsTheSystemOverview() throws Exception {
		Edge edge = Edge.of(this.blueprint);
		WebDriver browser = Browser.start();
		try {
			browser.get(edge.url("/system"));
			assertThat(browser.findElement(By.id("system-summary")).getText())
				.isEqualTo("Every service answered through the gateway.");
			assertThat(browser.findElements(By.cssSelector("td.up"))).hasSize(SERVICES.size());
			Browser.screenshot(browser, this.blueprint.home().resolve("system.png"));
		}
		finally {
			browser.quit();
		}
	}

	@Test
	@Order(7)
	void aSecondUpWhileRunningIsRefused() throws Exception {
		Blueprint.Result second = this.blueprint.run(Duration.ofMinutes(1), "up");
		assertThat(second.exitCode()).isNotZero();
		assertThat(second.output()).contains("already running");
	}

	@Test
	@Order(8)
	void restartStartsTheNewInstanceBeforeStoppingTheOld() throws Exception {
		SystemState before = SystemState.read(this.blueprint);
		long oldPid = before.pid("storefront-1");
		Blueprint.Result restart = this.blueprint.run(Duration.ofMinutes(3), "restart", "storefront-1");
		assertThat(restart.exitCode()).as(restart.output()).isZero();
		SystemState after = SystemState.read(this.blueprint);
		assertThat(after.pid("storefront-1")).isNotEqualTo(oldPid);
		assertThat(ProcessHandle.of(oldPid).filter(Blueprint::isRunning)).as("the old storefront-1").isEmpty();
		Edge edge = Edge.of(this.blueprint);
		for (int i = 0; i < 4; i++) {
			assertThat(edge.get("/").statusCode()).isEqualTo(200);
		}
	}

	@Test
	@Order(9)
	void downStopsEveryProcessAndFreesEveryPort() throws Exception {
		this.blueprint.downLeavesNothingBehind();
	}

}
