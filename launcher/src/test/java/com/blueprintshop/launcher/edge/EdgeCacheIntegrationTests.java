package com.blueprintshop.launcher.edge;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.blueprintshop.launcher.BlueprintHome;
import com.blueprintshop.launcher.infra.OsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The edge's page cache with the real nginx and the configuration {@code ./blueprint up} writes,
 * in front of an origin that answers the way the storefront does: anonymous catalog pages
 * {@code public, s-maxage}, personal pages {@code private, no-store} by the session cookie.
 */
class EdgeCacheIntegrationTests {

	@TempDir
	Path directory;

	private final Map<String, AtomicInteger> originCalls = new ConcurrentHashMap<>();

	private volatile boolean originFails;

	private volatile CountDownLatch slowRelease = new CountDownLatch(0);

	private HttpServer origin;

	private Process nginx;

	private HttpClient client;

	private int httpsPort;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.nginx != null) {
			this.nginx.destroy();
			if (!this.nginx.waitFor(10, TimeUnit.SECONDS)) {
				this.nginx.destroyForcibly();
			}
		}
		if (this.origin != null) {
			this.origin.stop(0);
		}
	}

	@Test
	void keepsAnAnonymousPageAndAnswersTheNextVisitorFromMemory() throws Exception {
		start(true);

		HttpResponse<String> first = get("/c/shoes", null);
		HttpResponse<String> second = get("/c/shoes", null);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("X-Cache-Status")).contains("MISS");
		assertThat(second.headers().firstValue("X-Cache-Status")).contains("HIT");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(calls("/c/shoes")).isOne();
		assertThat(second.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void aVisitorWithASessionNeitherReadsNorFillsTheCache() throws Exception {
		start(true);
		get("/c/shoes", null);

		HttpResponse<String> withSession = get("/c/shoes", "BP_SESSION=alice");

		assertThat(withSession.headers().firstValue("X-Cache-Status")).contains("BYPASS");
		assertThat(withSession.body()).contains("for alice");
		assertThat(get("/c/shoes", null).body()).doesNotContain("alice");
		assertThat(calls("/c/shoes")).isEqualTo(2);
	}

	@Test
	void aPersonalPageIsNeverStoredAndEachUserSeesOnlyTheirOwn() throws Exception {
		start(true);

		// the cookie's name is not the session's, so only the response's own headers keep it out
		HttpResponse<String> alice = get("/account", "other=alice");
		HttpResponse<String> bob = get("/account", "other=bob");
		HttpResponse<String> aliceAgain = get("/account", "other=alice");
		HttpResponse<String> anonymous = get("/account", null);

		assertThat(alice.body()).isEqualTo("account of alice");
		assertThat(bob.body()).isEqualTo("account of bob");
		assertThat(aliceAgain.body()).isEqualTo("account of alice");
		assertThat(anonymous.body()).isEqualTo("account of nobody");
		assertThat(calls("/account")).isEqualTo(4);
		assertThat(aliceAgain.headers().firstValue("X-Cache-Status")).isNotEqualTo(Optional.of("HIT"));
	}

	@Test
	void aResponseThatSetsACookieIsNotKept() throws Exception {
		start(true);

		get("/signed-up", null);
		HttpResponse<String> second = get("/signed-up", null);

		assertThat(second.headers().firstValue("X-Cache-Status")).isNotEqualTo(Optional.of("HIT"));
		assertThat(calls("/signed-up")).isEqualTo(2);
	}

	@Test
	void concurrentMissesForOnePageSendOneRequestToTheOrigin() throws Exception {
		start(true);
		this.slowRelease = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> get("/c/popular", null)));
			}
			await(() -> calls("/c/popular") >= 1);
			this.slowRelease.countDown();
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(calls("/c/popular")).isOne();
	}

	@Test
	void servesTheLastCopyWhileTheStorefrontFails() throws Exception {
		start(true);
		HttpResponse<String> fresh = get("/c/brief", null);
		this.originFails = true;

		// the copy may be kept for one second; after that the failing origin is asked, and the
		// stale copy answers instead of its 503
		await(() -> "STALE".equals(status(get("/c/brief", null))));
		HttpResponse<String> stale = get("/c/brief", null);

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).isEqualTo(fresh.body());
	}

	@Test
	void withoutTheEdgeCacheEveryRequestGoesToTheOrigin() throws Exception {
		start(false);

		HttpResponse<String> first = get("/c/shoes", null);
		get("/c/shoes", null);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("X-Cache-Status")).isEmpty();
		assertThat(calls("/c/shoes")).isEqualTo(2);
	}

	private void start(boolean cache) throws Exception {
		Optional<Nginx> located = Nginx.locate();
		assumeTrue(located.isPresent(), "nginx is not installed");
		startOrigin();
		this.httpsPort = freePort();
		int httpPort = freePort();
		EdgeConfig config = new EdgeConfig(new BlueprintHome(this.directory), this.directory.resolve("static"),
				new TlsMaterial(this.directory.resolve("edge/tls")), this.httpsPort, httpPort,
				List.of(this.origin.getAddress().getPort()), List.of(freePort()), List.of(freePort()),
				OsUser.currentIsRoot(), located.get().hasHttp2Directive(), cache, located.get().brotliModule());
		config.tls().ensure();
		located.get().install(config);
		this.nginx = new ProcessBuilder(located.get().command(config)).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("nginx.out").toFile())
			.start();
		this.client = client(config.tls().caCertificate());
		await(() -> listening(this.httpsPort));
	}

	private void startOrigin() throws IOException {
		this.origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.origin.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.origin.createContext("/", this::answer);
		this.origin.start();
	}

	/** As the storefront answers: by path, and by the session cookie when there is one. */
	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		int call = this.originCalls.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		String cookie = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Cookie")).orElse("");
		String user = cookie.contains("=") ? cookie.substring(cookie.indexOf('=') + 1) : "nobody";
		int status = 200;
		String body;
		if (path.equals("/account")) {
			exchange.getResponseHeaders().set("Cache-Control", "private, no-store");
			body = "account of " + user;
		}
		else if (path.equals("/signed-up")) {
			exchange.getResponseHeaders().set("Cache-Control", "public, max-age=0, s-maxage=60");
			exchange.getResponseHeaders().set("Set-Cookie", "BP_SESSION=new; Secure; HttpOnly");
			body = "welcome";
		}
		else if (this.originFails) {
			status = 503;
			body = "down";
		}
		else {
			if (path.equals("/c/popular")) {
				awaitRelease();
			}
			boolean personal = cookie.contains("BP_SESSION");
			exchange.getResponseHeaders().set("Cache-Control",
					personal ? "private, no-cache" : "public, max-age=0, s-maxage=" + (path.equals("/c/brief") ? 1 : 60));
			exchange.getResponseHeaders().set("Vary", "Cookie");
			body = "page " + path + " call " + call + (personal ? " for " + user : "");
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private void awaitRelease() {
		try {
			this.slowRelease.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int calls(String path) {
		AtomicInteger count = this.originCalls.get(path);
		return (count != null) ? count.get() : 0;
	}

	private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + this.httpsPort + path))
			.timeout(Duration.ofSeconds(20));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String status(HttpResponse<String> response) {
		return response.headers().firstValue("X-Cache-Status").orElse("");
	}

	private static HttpClient client(Path caCertificate) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(caCertificate)) {
			trust.setCertificateEntry("blueprint-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Polls the condition for up to 15 s. */
	private static void await(ThrowingCondition condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 15 s");
			}
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
	}

	@FunctionalInterface
	interface ThrowingCondition {

		boolean holds() throws Exception;

	}

}
