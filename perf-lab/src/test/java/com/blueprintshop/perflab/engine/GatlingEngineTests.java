package com.blueprintshop.perflab.engine;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling run in this JVM against a local HTTP server: the recorder sees every response Gatling's
 * own report counts, failures with their messages.
 */
class GatlingEngineTests {

	static volatile String baseUrl;

	HttpServer server;

	@TempDir
	Path results;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/ok", (exchange) -> {
			byte[] body = "<html><h1>ok</h1></html>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.createContext("/broken", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		this.server.start();
		baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void theRecorderSeesEveryResponseOfTheRunAsGatlingCountsThem() throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		Recorder recorder = new Recorder();
		Path report = GatlingEngine.run(TwoPages.class, "engine test", this.results, trust, recorder);

		// 4 users a second for 2 seconds, two requests each
		assertThat(recorder.samples()).hasSize(16);
		assertThat(recorder.samples()).filteredOn((s) -> s.name().equals("fine page")).hasSize(8).allSatisfy((s) -> {
			assertThat(s.ok()).isTrue();
			assertThat(s.endMillis()).isGreaterThanOrEqualTo(s.startMillis());
			assertThat(s.startMillis()).isGreaterThanOrEqualTo(recorder.runStartMillis());
		});
		assertThat(recorder.samples()).filteredOn((s) -> s.name().equals("broken page")).hasSize(8).allSatisfy((s) -> {
			assertThat(s.ok()).isFalse();
			assertThat(s.message()).contains("503");
		});
		assertThat(recorder.activeUsers()).isZero();
		assertThat(recorder.crashes()).isEmpty();

		Map<String, StatsJson.Figures> gatling = StatsJson.read(report.resolve("js/stats.js"));
		assertThat(gatling.get(StatsJson.ALL).count()).isEqualTo(16);
		assertThat(gatling.get("broken page").ko()).isEqualTo(8);
		assertThat(Files.exists(report.resolve("index.html"))).isTrue();
	}

	public static class TwoPages extends Simulation {

		public TwoPages() {
			setUp(scenario("two pages")
				.exec(exec(http("fine page").get("/ok").check(status().is(200))),
						exec(http("broken page").get("/broken").check(status().is(200))))
				.injectOpen(constantUsersPerSec(4).during(Duration.ofSeconds(2))))
				.protocols(http.baseUrl(baseUrl).disableWarmUp());
		}

	}

}
