package com.blueprintshop.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway in page rendering tests: answers what a test tells it to, per method
 * and path, and records what the storefront sent. Unknown paths get a 404 problem.
 */
public final class GatewayStub {

	public static final String SERVICE_TOKEN = "service-token";

	private static GatewayStub shared;

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private GatewayStub() throws IOException {
		// the JDK server delays small responses (Nagle) unless told otherwise
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
		reset();
	}

	/** One stub for every page test in the JVM: they share one application context. */
	public static synchronized GatewayStub shared() {
		if (shared == null) {
			try {
				shared = new GatewayStub();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			GatewayStub stub = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stub.server.stop(0)));
		}
		return shared;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** What catalog's version endpoint answers unless a test says otherwise. */
	public static final long CATALOG_VERSION = 41;

	/** Forgets answers and requests, except the token endpoint, the category tree and catalog's version. */
	public void reset() {
		this.answers.clear();
		this.requests.clear();
		json("POST", "/auth/oauth2/token", 200, """
				{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"users.register"}
				""".formatted(SERVICE_TOKEN));
		json("GET", "/api/catalog/categories", 200, """
				[{"id":"c1","slug":"audio","name":"Audio","parentSlug":null,"depth":0,"productCount":12},
				 {"id":"c2","slug":"headphones","name":"Headphones","parentSlug":"audio","depth":1,"productCount":7},
				 {"id":"c3","slug":"home","name":"Home & Garden","parentSlug":null,"depth":0,"productCount":4}]
				""");
		catalogVersion(CATALOG_VERSION, "2026-03-01T12:00:00Z");
	}

	/** Catalog's {@code GET /api/catalog/version}, as the catalog service publishes it. */
	public GatewayStub catalogVersion(long version, String changedAt) {
		return json("GET", "/api/catalog/version", 200, """
				{"version":%d,"changedAt":"%s"}
				""".formatted(version, changedAt));
	}

	/** How many times the storefront called {@code method path}. */
	public long count(String method, String path) {
		return this.requests.stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).count();
	}

	public GatewayStub json(String method, String path, int status, String body) {
		String type = (status >= 400) ? "application/problem+json" : "application/json";
		this.answers.put(method + " " + path, new Answer(status, type, body, false));
		return this;
	}

	/** The connection is closed without an answer, as when a gateway instance dies mid-request. */
	public GatewayStub hangUp(String method, String path) {
		this.answers.put(method + " " + path, new Answer(0, null, null, true));
		return this;
	}

	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	public Recorded last(String method, String path) {
		return this.requests.reversed()
			.stream()
			.filter((r) -> r.method().equals(method) && r.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + method + " " + path + " reached the gateway; it saw "
					+ this.requests.stream().map((r) -> r.method() + " " + r.path()).toList()));
	}

	public boolean received(String method, String path) {
		return this.requests.stream().anyMatch((r) -> r.method().equals(method) && r.path().equals(path));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			byte[] body = in.readAllBytes();
			this.requests.add(new Recorded(method, path, exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders(), body));
			Answer answer = this.answers.get(method + " " + path);
			if (answer == null) {
				answer = new Answer(404, "application/problem+json",
						"{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No stub for " + method + " " + path + "\"}",
						false);
			}
			if (answer.hangUp()) {
				return;
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

	private record Answer(int status, String contentType, String body, boolean hangUp) {
	}

	/** A request the storefront sent to the gateway. */
	public record Recorded(String method, String path, String query, Headers headers, byte[] body) {

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

}
