package com.blueprintshop.inventory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for catalog's two endpoints inventory calls ({@code GET /skus?after&limit} and
 * {@code GET /products/by-id/{id}}), on a real HTTP port of this machine, with products the test
 * adds. It can refuse the first requests (503) to show that callers try again.
 */
public final class TestCatalog implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final NavigableMap<String, Map<String, Object>> skus = new ConcurrentSkipListMap<>();

	private final Map<UUID, Map<String, Object>> products = new ConcurrentHashMap<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger skuPagesServed = new AtomicInteger();

	public TestCatalog() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Adds an active product with these SKU codes; returns its id. */
	public UUID product(String slug, String name, String... codes) {
		UUID id = UUID.randomUUID();
		List<Map<String, Object>> variants = new ArrayList<>();
		for (String code : codes) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("sku", code);
			view.put("productId", id);
			view.put("productSlug", slug);
			view.put("productName", name);
			view.put("size", null);
			view.put("colour", null);
			view.put("price", Map.of("amount", 10.00, "currency", "EUR"));
			view.put("status", "ACTIVE");
			this.skus.put(code, view);
			variants.add(Map.of("sku", code, "price", Map.of("amount", 10.00, "currency", "EUR")));
		}
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("id", id);
		product.put("slug", slug);
		product.put("name", name);
		product.put("status", "ACTIVE");
		product.put("skus", variants);
		this.products.put(id, product);
		return id;
	}

	/** The product is retired: its SKUs say so in the list, and its detail is not found (as catalog's). */
	public void retire(UUID productId) {
		this.products.remove(productId);
		this.skus.values().stream()
			.filter((sku) -> productId.equals(sku.get("productId")))
			.forEach((sku) -> sku.put("status", "RETIRED"));
	}

	/** The next {@code count} requests are answered 503. */
	public void failNext(int count) {
		this.failuresLeft.set(count);
	}

	public int skuPagesServed() {
		return this.skuPagesServed.get();
	}

	public int skuCount() {
		return this.skus.size();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				send(exchange, 503, Map.of("status", 503));
				return;
			}
			URI uri = exchange.getRequestURI();
			String path = uri.getPath();
			if (path.equals("/skus")) {
				Map<String, String> query = query(uri);
				int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
				String after = query.getOrDefault("after", "");
				List<Map<String, Object>> items = new ArrayList<>(this.skus.tailMap(after, false).values())
					.subList(0, Math.min(limit, this.skus.tailMap(after, false).size()));
				Map<String, Object> page = new LinkedHashMap<>();
				page.put("items", items);
				page.put("next", (items.size() == limit) ? items.getLast().get("sku") : null);
				this.skuPagesServed.incrementAndGet();
				send(exchange, 200, page);
			}
			else if (path.startsWith("/products/by-id/")) {
				Map<String, Object> product = this.products.get(UUID.fromString(path.substring("/products/by-id/".length())));
				if (product == null) {
					send(exchange, 404, Map.of("status", 404, "title", "Not found"));
				}
				else {
					send(exchange, 200, product);
				}
			}
			else {
				send(exchange, 404, Map.of("status", 404));
			}
		}
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
