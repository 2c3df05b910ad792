package com.blueprintshop.storefront.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The system page asks each service through the gateway (found in discovery) and shows what came
 * back; a service that fails costs its row, not the page. The home page likewise loses only the
 * sections catalog cannot fill. Sessions go to the machine's Redis.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.data.redis.url=redis://127.0.0.1:6379",
				"shop.storefront.services=catalog,order", "shop.storefront.identity.client-secret=test-secret" })
class HomePageIntegrationTests {

	static HttpServer gateway;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/api/catalog/about", exchange -> {
			byte[] body = """
					{"service":"catalog","instance":"catalog:9002","version":"9.9.9",
					 "database":{"name":"bp_catalog","server":"PostgreSQL 17.6","schemaVersion":"1"}}
					""".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		gateway.createContext("/api/order/about", exchange -> {
			byte[] body = "{\"status\":503,\"title\":\"Service unavailable\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			exchange.sendResponseHeaders(503, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		gateway.start();
		registry.add("spring.cloud.discovery.client.simple.instances.gateway[0].uri",
				() -> "http://127.0.0.1:" + gateway.getAddress().getPort());
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop(0);
	}

	@LocalServerPort
	int port;

	@Test
	void showsWhatEachServiceAnsweredAndDegradesPerService() {
		ResponseEntity<String> page = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/system")
			.retrieve()
			.toEntity(String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("bp_catalog · PostgreSQL 17.6 · schema v1")
			.contains("9.9.9")
			.contains("503 Service Unavailable")
			.contains("Some services did not answer.");
	}

	@Test
	void rendersTheHomePageWhileCatalogCannotFillIt() {
		ResponseEntity<String> page = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/")
			.retrieve()
			.toEntity(String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Featured products cannot be shown right now.")
			.contains("New products cannot be shown right now.")
			.contains("href=\"/system\"");
		// browsing anonymously costs no session: nothing in Redis, and the edge may cache the page
		assertThat(page.getHeaders().get("Set-Cookie")).isNull();
	}

	@Test
	void answersAnUnknownAddressWithTheNotFoundPage() {
		ResponseEntity<String> page = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/no-such-page")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page.getBody()).contains("We could not find that page").contains("<nav class=\"departments\"");
	}

	@Test
	void servesItsStylesheetUnderStatic() {
		ResponseEntity<String> css = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/static/css/shop.css")
			.retrieve()
			.toEntity(String.class);
		assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(css.getBody()).contains("font-family");
	}

}
