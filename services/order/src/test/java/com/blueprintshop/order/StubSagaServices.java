package com.blueprintshop.order;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inventory's and payment's {@code /internal} endpoints on two real HTTP ports, answering the
 * replies of docs/messaging.md in the body, so the synchronous checkout calls them over the
 * network exactly as it calls the services. Every call is recorded, in the order the two received
 * them; a test makes stock short, payment decline or never answer, or a service refuse.
 */
final class StubSagaServices implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer inventory;

	private final HttpServer payment;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> stock = new ConcurrentHashMap<>();

	private volatile boolean inventoryDown;

	private volatile boolean releasesFail;

	private volatile String declineReason;

	private volatile CountDownLatch paymentHeld;

	StubSagaServices() throws IOException {
		this.inventory = server(this::inventory);
		this.payment = server(this::payment);
	}

	private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/internal/", handler);
		server.start();
		return server;
	}

	String inventoryUrl() {
		return "http://127.0.0.1:" + this.inventory.getAddress().getPort();
	}

	String paymentUrl() {
		return "http://127.0.0.1:" + this.payment.getAddress().getPort();
	}

	/** Inventory holds only this many units of the SKU (every other SKU has plenty). */
	void stock(String sku, int units) {
		this.stock.put(sku, units);
	}

	/** Inventory answers every call 503. */
	void inventoryDown() {
		this.inventoryDown = true;
	}

	/** Inventory answers ReleaseStock 503. */
	void releasesFail() {
		this.releasesFail = true;
	}

	/** Payment declines every authorization with this reason. */
	void decline(String reason) {
		this.declineReason = reason;
	}

	/** Payment accepts authorizations and answers none of them until {@link #reset}. */
	void holdAuthorizations() {
		this.paymentHeld = new CountDownLatch(1);
	}

	/** Payment answers the authorizations it holds. */
	void answerHeldAuthorizations() {
		CountDownLatch held = this.paymentHeld;
		this.paymentHeld = null;
		if (held != null) {
			held.countDown();
		}
	}

	/** The orders whose authorization payment has been asked for, oldest first. */
	List<String> authorizationsAsked() {
		return this.calls.stream().filter((call) -> call.action().equals("authorize")).map(Call::orderId).toList();
	}

	void reset() {
		CountDownLatch held = this.paymentHeld;
		if (held != null) {
			held.countDown();
		}
		this.paymentHeld = null;
		this.stock.clear();
		this.inventoryDown = false;
		this.releasesFail = false;
		this.declineReason = null;
	}

	/** What the order's calls did, in the order they arrived: reserve, commit, release, authorize, void. */
	List<String> actions(String orderId) {
		return calls(orderId).stream().map(Call::action).toList();
	}

	List<Call> calls(String orderId) {
		return this.calls.stream().filter((call) -> call.orderId().equals(orderId)).toList();
	}

	private void inventory(HttpExchange exchange) throws IOException {
		try (exchange) {
			Call call = record(exchange, "/internal/reservations/");
			if (this.inventoryDown || (this.releasesFail && call.action().equals("release"))) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			Map<String, Object> reply = switch (call.action()) {
				case "reserve" -> reserve(call);
				case "commit" -> reply("StockCommitted", call.orderId());
				case "release" -> reply("StockReleased", call.orderId());
				default -> null;
			};
			send(exchange, reply);
		}
	}

	private Map<String, Object> reserve(Call call) {
		List<Map<String, Object>> shortages = new ArrayList<>();
		List<Map<String, Object>> reservations = new ArrayList<>();
		for (JsonNode line : call.body().path("lines")) {
			String sku = line.path("sku").asString();
			int requested = line.path("quantity").asInt();
			int available = this.stock.getOrDefault(sku, 1000);
			if (requested > available) {
				shortages.add(Map.of("sku", sku, "requested", requested, "available", available));
			}
			reservations.add(Map.of("sku", sku, "warehouse", "DUB", "quantity", requested));
		}
		if (!shortages.isEmpty()) {
			Map<String, Object> reply = reply("StockUnavailable", call.orderId());
			reply.put("shortages", shortages);
			return reply;
		}
		Map<String, Object> reply = reply("StockReserved", call.orderId());
		reply.put("reservations", reservations);
		return reply;
	}

	private void payment(HttpExchange exchange) throws IOException {
		try (exchange) {
			Call call = record(exchange, "/internal/authorizations/");
			Map<String, Object> reply;
			if (call.action().equals("void")) {
				reply = reply("PaymentVoided", call.orderId());
			}
			else {
				CountDownLatch held = this.paymentHeld;
				if (held != null) {
					// a provider that does not answer: the caller's bound runs out first
					awaitQuietly(held);
				}
				String reason = this.declineReason;
				if (reason != null) {
					reply = reply("PaymentDeclined", call.orderId());
					reply.put("reason", reason);
				}
				else {
					reply = reply("PaymentAuthorized", call.orderId());
					reply.put("paymentId", UUID.randomUUID().toString());
					reply.put("authorizationCode", "A1B2C3");
				}
			}
			send(exchange, reply);
		}
	}

	private Call record(HttpExchange exchange, String prefix) throws IOException {
		String[] rest = exchange.getRequestURI().getPath().substring(prefix.length()).split("/");
		String action = (rest.length > 1) ? rest[1] : (prefix.contains("reservations") ? "reserve" : "authorize");
		byte[] bytes = exchange.getRequestBody().readAllBytes();
		JsonNode body = (bytes.length > 0) ? JSON.readTree(bytes) : JSON.createObjectNode();
		Call call = new Call(rest[0], action, exchange.getRequestMethod(), body);
		this.calls.add(call);
		return call;
	}

	private static Map<String, Object> reply(String type, String orderId) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("eventId", UUID.randomUUID().toString());
		reply.put("type", type);
		reply.put("occurredAt", Instant.now().toString());
		reply.put("orderId", orderId);
		return reply;
	}

	private static void send(HttpExchange exchange, Map<String, Object> reply) throws IOException {
		if (reply == null) {
			exchange.sendResponseHeaders(404, -1);
			return;
		}
		byte[] bytes = JSON.writeValueAsBytes(reply);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		reset();
		this.inventory.stop(0);
		this.payment.stop(0);
	}

	/**
	 * @param orderId the order the call is for
	 * @param action reserve, commit, release, authorize or void
	 * @param method the HTTP method
	 * @param body the JSON body sent (an empty object when none)
	 */
	record Call(String orderId, String action, String method, JsonNode body) {
	}

}
