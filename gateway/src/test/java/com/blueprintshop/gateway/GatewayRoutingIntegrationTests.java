package com.blueprintshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.blueprintshop.defaults.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The gateway in front of three kinds of service instance, found through (simple) discovery:
 * one that answers, one whose port refuses connections, one that accepts and never answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.http.read-timeout=500ms",
				"shop.gateway.services=catalog,inventory,payment,order,identity,notification,analytics",
				"shop.gateway.timeouts.catalog=3s", "shop.gateway.timeouts.notification=100ms" })
class GatewayRoutingIntegrationTests {

	static final List<String> catalogPaths = new CopyOnWriteArrayList<>();

	static final List<String> catalogTransferEncodings = new CopyOnWriteArrayList<>();

	static final List<Map<String, String>> identityRequests = new CopyOnWriteArrayList<>();

	static HttpServer catalog;

	static ServerSocket silentPayment;

	static final List<Socket> heldConnections = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) throws IOException {
		catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		catalog.createContext("/slow", exchange -> {
			// a service that takes longer than the default bound but less than catalog's own
			try {
				Thread.sleep(800);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = "slow".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		catalog.createContext("/login", exchange -> {
			Map<String, String> seen = new java.util.HashMap<>();
			seen.put("path", exchange.getRequestURI().getPath());
			exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), String.join(",", values)));
			identityRequests.add(seen);
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		catalog.createContext("/moved", exchange -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/nowhere");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
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
		// identity and notification are played by the same stub as catalog
		registry.add(prefix + "identity[0].uri", () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
		registry.add(prefix + "notification[0].uri", () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
		registry.add(prefix + "order[0].uri", () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
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
		return call(HttpMethod.GET, path, null);
	}

	ResponseEntity<String> call(HttpMethod method, String path, String token) {
		// the JDK client follows no redirects: the test sees what the gateway answers
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.method(method)
			.uri(path)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
				headers.set("X-Forwarded-Host", "localhost:8443");
				headers.set("X-Forwarded-Proto", "https");
				headers.set("X-Forwarded-Port", "8443");
			})
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
		ResponseEntity<String> response = get("/api/analytics/about");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getBody()).contains("\"service\":\"analytics\"").contains("\"status\":503");
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
	void boundsEachServiceByItsOwnTimeout() {
		assertThat(get("/api/catalog/slow").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/notification/slow").getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void servesIdentitysBrowserSideUnderAuthTellingItThePrefixAndTheEdgesAddress() {
		identityRequests.clear();
		ResponseEntity<String> response = get("/auth/login");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(identityRequests).singleElement().satisfies((seen) -> {
			assertThat(seen.get("path")).isEqualTo("/login");
			assertThat(seen.get("x-forwarded-prefix")).isEqualTo("/auth");
			assertThat(seen.get("x-forwarded-host")).isEqualTo("localhost:8443");
			assertThat(seen.get("x-forwarded-proto")).isEqualTo("https");
			assertThat(seen.get("x-forwarded-port")).isEqualTo("8443");
			assertThat(seen.get("host")).isEqualTo("127.0.0.1:" + catalog.getAddress().getPort());
		});
	}

	@Test
	void relaysARedirectToTheCallerInsteadOfFollowingIt() {
		ResponseEntity<String> response = get("/auth/moved");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(response.getHeaders().getLocation()).hasToString("http://127.0.0.1:1/nowhere");
	}

	@Test
	void letsAnonymousReadsThroughAndChecksTokensOnWrites() {
		assertThat(get("/api/catalog/products").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.POST, "/api/catalog/products", null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(call(HttpMethod.POST, "/api/catalog/products", TestTokens.valid(List.of("CUSTOMER")))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void keepsStaffPathsForAdmins() {
		ResponseEntity<String> anonymous = get("/api/catalog/admin/products");
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(call(HttpMethod.GET, "/api/catalog/admin/products", TestTokens.valid(List.of("CUSTOMER")))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call(HttpMethod.GET, "/api/catalog/admin/products", TestTokens.valid(List.of("ADMIN")))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.GET, "/api/catalog/admin/products", TestTokens.valid(List.of("WAREHOUSE")))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void letsTheWarehouseShipOrdersAndUploadStockButNothingElseOfStaff() {
		String warehouse = TestTokens.valid(List.of("WAREHOUSE"));
		assertThat(call(HttpMethod.POST, "/api/order/admin/orders/42/ship", warehouse).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.POST, "/api/order/admin/orders/42/ship", TestTokens.valid(List.of("CUSTOMER")))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// past the gateway's check: inventory's (refusing) instance answers for itself
		assertThat(call(HttpMethod.POST, "/api/inventory/admin/stock/uploads", warehouse).getStatusCode())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(call(HttpMethod.GET, "/api/order/admin/anything-else", warehouse).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void refusesEveryServicesInternalEndpointsToEveryCallerWithoutPassingThemOn() {
		catalogPaths.clear();
		List<String> tokens = java.util.Arrays.asList(null, TestTokens.valid(List.of("CUSTOMER")),
				TestTokens.valid(List.of("ADMIN")), TestTokens.forClient("storefront", List.of("users.register")));
		for (String token : tokens) {
			for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.GET)) {
				ResponseEntity<String> refused = call(method, "/api/order/internal/reservations/42", token);
				assertThat(refused.getStatusCode()).as(method + " with " + token).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.isTrue();
				assertThat(refused.getBody()).contains("\"status\":403");
			}
		}
		assertThat(call(HttpMethod.POST, "/api/payment/internal/authorizations/42/void", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call(HttpMethod.POST, "/api/inventory/internal/reservations/42/", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// spelt with an escape, the path is still recognised as what the service would decode it to
		assertThat(callRaw(HttpMethod.POST, "/api/order/%69nternal/reservations/42").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(catalogPaths).as("nothing under /internal reached a service")
			.noneMatch((path) -> path.contains("nternal"));
		// the rule names the path segment, not a prefix of it
		assertThat(get("/api/order/internals").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/** A request whose path goes out exactly as written (escapes included). */
	ResponseEntity<String> callRaw(HttpMethod method, String path) {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.build()
			.method(method)
			.uri(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	@Test
	void rejectsExpiredForeignAndForgedTokensEvenOnPublicReads() {
		assertThat(call(HttpMethod.GET, "/api/catalog/products", TestTokens.expired(List.of("ADMIN")))
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(call(HttpMethod.GET, "/api/catalog/products", TestTokens.signedByAnotherKey(List.of("ADMIN")))
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(call(HttpMethod.GET, "/api/catalog/products", TestTokens.fromIssuer("http://evil", List.of("ADMIN")))
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void letsOnlyTheStorefrontsClientTokenRegisterUsers() {
		assertThat(call(HttpMethod.POST, "/api/identity/users", TestTokens.valid(List.of("CUSTOMER")))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call(HttpMethod.POST, "/api/identity/users", TestTokens.forClient("storefront", List.of("users.register")))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@TestConfiguration
	static class Keys {

		@Bean
		JwtDecoder testDecoder() {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://identity"));
			return decoder;
		}

	}

	@Test
	void leavesUnroutedPathsToTheGatewayItself() {
		assertThat(get("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/unknown/about").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
