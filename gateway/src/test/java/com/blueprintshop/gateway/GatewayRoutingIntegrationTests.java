package com.blueprintshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The gateway in front of three kinds of service instance, found through (simple) discovery:
 * one that answers, one whose port refuses connections, one that accepts and never answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.http.read-timeout=500ms",
				"shop.gateway.services=catalog,inventory,payment,order" })
class GatewayRoutingIntegrationTests {

	static final List<String> catalogPaths = new CopyOnWriteArrayList<>();

	static final List<String> catalogTransferEncodings = new CopyOnWriteArrayList<>();

	static HttpServer catalog;

	static ServerSocket silentPayment;

	static final List<Socket> heldConnections = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) throws IOException {
		catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		catalog.createContext("/", exchange -> {
			catalogPaths.add(exchange.getRequestURI().getPath());
			String transferEncoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
			catalogTransferEncodings.add((transferEncoding != null) ? transferEncoding : "none");
			byte[] body = "{\"service\":\"catalog\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		catalog.start();
		silentPayment = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(() -> {
			while (!silentPayment.isClosed()) {
				try {
					heldConnections.add(silentPayment.accept());
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		int refusingPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			refusingPort = probe.getLocalPort();
		}
		String prefix = "spring.cloud.discovery.client.simple.instances.";
		registry.add(prefix + "catalog[0].uri", () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
		registry.add(prefix + "inventory[0].uri", () -> "http://127.0.0.1:" + refusingPort);
		registry.add(prefix + "payment[0].uri", () -> "http://127.0.0.1:" + silentPayment.getLocalPort());
	}

	@AfterAll
	static void stopInstances() throws IOException {
		catalog.stop(0);
		silentPayment.close();
		for (Socket socket : heldConnections) {
			socket.close();
		}
	}

	@LocalServerPort
	int port;

	ResponseEntity<String> get(String path) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	@Test
	void routesToAnInstanceFromDiscoveryWithoutTheApiPrefix() {
		ResponseEntity<String> response = get("/api/catalog/about");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"service\":\"catalog\"}");
		assertThat(catalogPaths).contains("/about");
		assertThat(response.getHeaders().get("Date")).hasSize(1);
	}

	@Test
	void proxiesABodilessRequestWithoutAChunkedBody() {
		// an empty chunked body lets the service answer and close before the last chunk arrives
		catalogTransferEncodings.clear();
		get("/api/catalog/about");
		assertThat(catalogTransferEncodings).containsExactly("none");
	}

	@Test
	void answers503ProblemWhenNoInstanceIsRegistered() {
		ResponseEntity<String> response = get("/api/order/about");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getBody()).contains("\"service\":\"order\"").contains("\"status\":503");
	}

	@Test
	void answers503ProblemWhenTheInstanceRefusesConnections() {
		ResponseEntity<String> response = get("/api/inventory/about");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).contains("\"service\":\"inventory\"");
	}

	@Test
	void answers504ProblemWhenTheInstanceDoesNotAnswerInTime() {
		ResponseEntity<String> response = get("/api/payment/about");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(response.getBody()).contains("\"title\":\"Service timed out\"");
	}

	@Test
	void leavesUnroutedPathsToTheGatewayItself() {
		assertThat(get("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/unknown/about").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
