package com.blueprintshop.perflab.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.shop.RunningSystem;
import com.blueprintshop.perflab.shop.ShopApi;
import com.blueprintshop.perflab.shop.SystemNotRunningException;

/**
 * The machine's ceilings, measured against the running system's own nginx, PostgreSQL and
 * Redis: what a request of the shop's costs is to be read against.
 */
public final class LimitsProbe {

	static final int WRK_CONNECTIONS = 64;

	static final int WRK_SECONDS = 10;

	static final int DB_CONNECTIONS = 4;

	static final int DB_SECONDS = 5;

	static final int REDIS_CONNECTIONS = 4;

	static final int REDIS_SECONDS = 5;

	private static final Pattern FINGERPRINTED_SCRIPT = Pattern.compile("/static/js/[a-z-]+-[0-9a-f]{32}\\.js");

	private final RunningSystem system;

	private final PrintStream out;

	public LimitsProbe(RunningSystem system, PrintStream out) {
		this.system = system;
		this.out = out;
	}

	public Limits measure() {
		List<String> method = new ArrayList<>();
		double[] staticFile = staticFile(method);
		double selects = postgres(method);
		double gets = redis(method);
		return new Limits(staticFile[0], staticFile[1], selects, gets, String.join("; ", method));
	}

	/** wrk over TLS with keep-alive against a fingerprinted script of about 2 KB that nginx serves from disk. */
	double[] staticFile(List<String> method) {
		ShopApi api = new ShopApi(this.system, this.system.edgeUrl());
		HttpResponse<String> home = api.get("/");
		Matcher script = FINGERPRINTED_SCRIPT.matcher(home.body());
		if (!script.find()) {
			method.add("static file: not measured (the home page links no fingerprinted script)");
			return new double[] { 0, 0 };
		}
		String path = script.group();
		int bytes = api.get(path).body().getBytes(StandardCharsets.UTF_8).length;
		if (!onPath("wrk")) {
			this.out.println("limits: wrk is not installed (apt-get install wrk): the static-file ceiling is skipped");
			method.add("static file: not measured (wrk missing: apt-get install wrk)");
			return new double[] { 0, 0 };
		}
		String url = this.system.edgeUrl() + path;
		this.out.printf(Locale.ROOT, "limits: wrk -t2 -c%d -d%ds --latency %s (%d bytes)%n", WRK_CONNECTIONS,
				WRK_SECONDS, url, bytes);
		try {
			Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + WRK_CONNECTIONS, "-d" + WRK_SECONDS + "s", "--latency",
					url)
				.redirectErrorStream(true)
				.start();
			String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!wrk.waitFor(WRK_SECONDS + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
				wrk.destroy();
				method.add("static file: wrk failed: " + output.strip());
				return new double[] { 0, 0 };
			}
			WrkOutput result = WrkOutput.parse(output);
			method.add(String.format(Locale.ROOT,
					"static file: wrk -t2 -c%d -d%ds over TLS keep-alive, %s (%d bytes, no gzip), %d errors",
					WRK_CONNECTIONS, WRK_SECONDS, path, bytes, result.errors()));
			return new double[] { round(result.requestsPerSecond()), round(result.p99Ms()) };
		}
		catch (IOException ex) {
			method.add("static file: wrk could not run: " + ex.getMessage());
			return new double[] { 0, 0 };
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new double[] { 0, 0 };
		}
	}

	/** Prepared primary-key selects on catalog's sku table, as catalog's own role, over a few connections. */
	double postgres(List<String> method) {
		Integer port = this.system.postgresPort();
		if (port == null) {
			method.add("postgres: not measured (no PostgreSQL endpoint in the run state)");
			return 0;
		}
		String url = "jdbc:postgresql://" + this.system.postgresHost() + ":" + port + "/bp_catalog";
		String password = this.system.secret("postgres.role.bp_catalog.password");
		this.out.printf(Locale.ROOT, "limits: PostgreSQL primary-key selects, %d connections, %d s%n", DB_CONNECTIONS,
				DB_SECONDS);
		try {
			List<String> keys = new ArrayList<>();
			try (Connection connection = DriverManager.getConnection(url, "bp_catalog", password);
					PreparedStatement select = connection.prepareStatement("select sku from sku limit 1000");
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					keys.add(rows.getString(1));
				}
			}
			if (keys.isEmpty()) {
				method.add("postgres: not measured (catalog has no SKUs)");
				return 0;
			}
			long count = concurrently(DB_CONNECTIONS, DB_SECONDS, (deadline) -> {
				long n = 0;
				try (Connection connection = DriverManager.getConnection(url, "bp_catalog", password);
						PreparedStatement select = connection.prepareStatement(
								"select sku, product_id, size, colour, price_override from sku where sku = ?")) {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					while (System.nanoTime() < deadline) {
						select.setString(1, keys.get(random.nextInt(keys.size())));
						try (ResultSet row = select.executeQuery()) {
							row.next();
						}
						n++;
					}
				}
				return n;
			});
			method.add(String.format(Locale.ROOT,
					"postgres: prepared primary-key select on bp_catalog.sku (JDBC, %d connections, %d s)",
					DB_CONNECTIONS, DB_SECONDS));
			return round(count / (double) DB_SECONDS);
		}
		catch (SQLException ex) {
			method.add("postgres: not measured (" + ex.getMessage() + ")");
			return 0;
		}
	}

	/** GETs of a 100-byte value over plain RESP on a few connections; the key is removed afterwards. */
	double redis(List<String> method) {
		String url = this.system.redisUrl();
		if (url == null) {
			method.add("redis: not measured (no Redis endpoint in the run state)");
			return 0;
		}
		URI redis = URI.create(url);
		String password = null;
		if (redis.getUserInfo() != null) {
			String info = redis.getUserInfo();
			password = info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
		}
		String key = "perf-lab:limits:" + ProcessHandle.current().pid();
		String auth = password;
		this.out.printf(Locale.ROOT, "limits: Redis GETs, %d connections, %d s%n", REDIS_CONNECTIONS, REDIS_SECONDS);
		try (Resp setup = new Resp(redis.getHost(), redis.getPort(), auth)) {
			setup.command("SET", key, "x".repeat(100));
			long count = concurrently(REDIS_CONNECTIONS, REDIS_SECONDS, (deadline) -> {
				long n = 0;
				try (Resp connection = new Resp(redis.getHost(), redis.getPort(), auth)) {
					while (System.nanoTime() < deadline) {
						connection.command("GET", key);
						n++;
					}
				}
				return n;
			});
			setup.command("DEL", key);
			method.add(String.format(Locale.ROOT,
					"redis: GET of a 100-byte value, plain RESP, one at a time on each of %d connections, %d s",
					REDIS_CONNECTIONS, REDIS_SECONDS));
			return round(count / (double) REDIS_SECONDS);
		}
		catch (IOException ex) {
			method.add("redis: not measured (" + ex.getMessage() + ")");
			return 0;
		}
	}

	interface Worker {

		long run(long deadlineNanos) throws Exception;

	}

	private static long concurrently(int threads, int seconds, Worker worker) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			List<Future<Long>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> worker.run(deadline)));
			}
			long total = 0;
			for (Future<Long> result : results) {
				total += result.get(seconds + 30L, TimeUnit.SECONDS);
			}
			return total;
		}
		catch (Exception ex) {
			throw new SystemNotRunningException("measuring a limit failed: " + ex.getMessage(), ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(":")) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** A RESP connection that sends one command and reads its one reply. */
	static final class Resp implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		Resp(String host, int port, String password) throws IOException {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress(host, port), 2000);
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(5000);
			this.in = new java.io.BufferedInputStream(this.socket.getInputStream());
			this.out = new java.io.BufferedOutputStream(this.socket.getOutputStream());
			if (password != null && !password.isEmpty()) {
				command("AUTH", password);
			}
		}

		String command(String... parts) throws IOException {
			StringBuilder request = new StringBuilder("*").append(parts.length).append("\r\n");
			for (String part : parts) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				request.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
			}
			this.out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			this.out.flush();
			return reply();
		}

		private String reply() throws IOException {
			int type = this.in.read();
			String line = line();
			return switch (type) {
				case '+', ':' -> line;
				case '-' -> throw new IOException("redis: " + line);
				case '$' -> {
					int length = Integer.parseInt(line);
					if (length < 0) {
						yield null;
					}
					byte[] value = this.in.readNBytes(length + 2);
					yield new String(value, 0, length, StandardCharsets.UTF_8);
				}
				default -> throw new IOException("redis: unexpected reply " + (char) type + line);
			};
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = this.in.read()) != -1) {
				if (c == '\r') {
					this.in.read();
					break;
				}
				line.append((char) c);
			}
			return line.toString();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
