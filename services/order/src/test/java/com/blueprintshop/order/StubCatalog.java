package com.blueprintshop.order;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog's {@code GET /skus?sku=…} on a real HTTP port, with prices a test can change, so the
 * order service prices checkouts over the network exactly as it does against catalog.
 */
final class StubCatalog implements AutoCloseable {

	static final String HEADPHONES = "HP-STUDIO-BLK";

	static final String CABLE = "CABLE-USB-C-1M";

	static final String RETIRED = "OLD-LAMP-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Map<String, Object>> skus = new ConcurrentHashMap<>();

	private final HttpServer server;

	private volatile boolean down;

	StubCatalog() throws IOException {
		put(HEADPHONES, "Studio Wireless Headphones", "149.99", "ACTIVE");
		put(CABLE, "USB-C Cable 1 m", "9.50", "ACTIVE");
		put(RETIRED, "Old Lamp", "20.00", "RETIRED");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/skus", (exchange) -> {
			if (this.down) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			List<Map<String, Object>> items = new ArrayList<>();
			for (String code : codes(exchange.getRequestURI())) {
				Map<String, Object> sku = this.skus.get(code);
				if (sku != null) {
					items.add(sku);
				}
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("items", items);
			body.put("next", null);
			byte[] bytes = JSON.writeValueAsBytes(body);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void price(String sku, String amount) {
		this.skus.get(sku).put("price", Map.of("amount", new java.math.BigDecimal(amount), "currency", "EUR"));
	}

	void down(boolean down) {
		this.down = down;
	}

	private void put(String sku, String name, String price, String status) {
		Map<String, Object> item = new ConcurrentHashMap<>();
		item.put("sku", sku);
		item.put("productId", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
		item.put("productSlug", name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
		item.put("productName", name);
		item.put("price", Map.of("amount", new java.math.BigDecimal(price), "currency", "EUR"));
		item.put("status", status);
		this.skus.put(sku, item);
	}

	private static List<String> codes(URI uri) {
		List<String> codes = new ArrayList<>();
		String query = uri.getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith("sku=")) {
					codes.add(URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8));
				}
			}
		}
		return codes;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
