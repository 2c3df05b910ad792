package com.blueprintshop.perflab.sample;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.blueprintshop.perflab.model.Caching;

/**
 * The counters behind each cache layer, read at the start and at the end of the measured window:
 * every service's {@code cache_gets_total}, the edge's access log (each line carries the page
 * cache's verdict) and PostgreSQL's {@code pg_stat_statements}.
 */
public final class CacheCounters {

	static final String CACHE_GETS = "cache_gets_total";

	/** The key suffix for a database's queries, as opposed to all its statements. */
	static final String QUERIES = " queries";

	/**
	 * Not a query a request asked for: transaction control, and the outbox relays' and inbox's
	 * own polling, which every service does once or twice a second whatever the load.
	 */
	static final String BACKGROUND = "s.query ~* '^\\s*(begin|commit|rollback|set|show|select 1\\s*$)'"
			+ " or s.query ~* '(outbox|inbox|pg_try_advisory|processed_event)'";

	private static final Pattern EDGE_LINE = Pattern.compile("\"[A-Z]+ (\\S+) [^\"]*\" \\d{3} .* cache=(\\S+)");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(800)).build();

	private final Map<String, Integer> actuators = new LinkedHashMap<>();

	private final Path edgeLog;

	private final Optional<Database> database;

	/**
	 * @param edgeLog the edge's access log, {@code null} when there is no edge to read
	 * @param database where to read {@code pg_stat_statements}, if anywhere
	 */
	public CacheCounters(Path edgeLog, Optional<Database> database) {
		this.edgeLog = edgeLog;
		this.database = database;
	}

	/** A superuser connection to the server's {@code postgres} database. */
	public record Database(String url, String user, String password) {
	}

	public void track(String component, int port) {
		this.actuators.put(component, port);
	}

	/** The counters now. */
	public Snapshot snapshot() {
		Map<String, PrometheusText> metrics = new LinkedHashMap<>();
		this.actuators.forEach((component, port) -> scrape(port).ifPresent((text) -> metrics.put(component, text)));
		long offset = 0;
		try {
			offset = (this.edgeLog != null && Files.isRegularFile(this.edgeLog)) ? Files.size(this.edgeLog) : 0;
		}
		catch (IOException ex) {
			offset = 0;
		}
		return new Snapshot(metrics, offset, this.database.flatMap(CacheCounters::statements));
	}

	/**
	 * What the caches did between two snapshots.
	 * @param requests the load's requests in the same window
	 */
	public Caching between(Snapshot start, Snapshot end, long requests) {
		List<Caching.Layer> layers = new ArrayList<>(edge(start.edgeLogOffset(), end.edgeLogOffset()));
		end.metrics().forEach((component, now) -> {
			PrometheusText before = start.metrics().get(component);
			Map<String, long[]> perCache = new TreeMap<>();
			for (PrometheusText.Sample sample : now.samples()) {
				if (!sample.name().equals(CACHE_GETS) || !sample.labels().containsKey("cache")) {
					continue;
				}
				String cache = sample.labels().get("cache");
				String result = sample.labels().getOrDefault("result", "");
				double earlier = (before != null) ? before.sum(CACHE_GETS,
						(labels) -> cache.equals(labels.get("cache")) && result.equals(labels.get("result"))) : 0;
				long delta = Math.max(0, Math.round(sample.value() - earlier));
				long[] counts = perCache.computeIfAbsent(cache, (c) -> new long[2]);
				counts[result.equals("hit") ? 0 : 1] += delta;
			}
			perCache.forEach((cache, counts) -> layers
				.add(Caching.Layer.of(layerOf(cache), component, cache, counts[0], counts[1], 0)));
		});
		Map<String, Long> statements = new TreeMap<>();
		Map<String, Long> queries = new TreeMap<>();
		if (start.statements().isPresent() && end.statements().isPresent()) {
			end.statements().get().forEach((key, calls) -> {
				long delta = calls - start.statements().get().getOrDefault(key, 0L);
				if (delta > 0) {
					if (key.endsWith(QUERIES)) {
						queries.put(key.substring(0, key.length() - QUERIES.length()), delta);
					}
					else {
						statements.put(key, delta);
					}
				}
			});
		}
		boolean known = end.statements().isPresent() && requests > 0;
		return new Caching(layers, requests, statements, known ? perRequest(statements, requests) : null, queries,
				known ? perRequest(queries, requests) : null);
	}

	private static double perRequest(Map<String, Long> counts, long requests) {
		return Math.round(counts.values().stream().mapToLong(Long::longValue).sum() * 10000.0 / requests) / 10000.0;
	}

	/** {@code catalog.near.products} is the near layer, {@code catalog.redis.products} Redis. */
	static String layerOf(String cache) {
		if (cache.contains(".near.") || cache.startsWith("near.")) {
			return "near";
		}
		if (cache.contains(".redis.") || cache.startsWith("redis.")) {
			return "redis";
		}
		return "object";
	}

	/**
	 * HIT, UPDATING and REVALIDATED were answered by the edge alone. MISS, EXPIRED and STALE asked a
	 * storefront: STALE is the client answered from the old copy while nginx fetches the new one in
	 * the background, so it relieves the client's latency but not the origin. BYPASS was not allowed
	 * to use the cache.
	 */
	List<Caching.Layer> edge(long from, long to) {
		if (this.edgeLog == null || to <= from) {
			return List.of();
		}
		Map<String, long[]> zones = new TreeMap<>();
		// line by line from the window's first byte: a window at a high rate is hundreds of MB
		try (FileChannel channel = FileChannel.open(this.edgeLog, StandardOpenOption.READ);
				BufferedReader lines = new BufferedReader(
						new InputStreamReader(new LimitedStream(Channels.newInputStream(channel.position(from)), to - from),
								StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				Matcher matcher = EDGE_LINE.matcher(line);
				if (!matcher.find() || matcher.group(2).equals("-")) {
					continue;
				}
				String zone = matcher.group(1).startsWith("/images/") ? "images" : "pages";
				long[] counts = zones.computeIfAbsent(zone, (z) -> new long[3]);
				switch (matcher.group(2)) {
					case "HIT", "UPDATING", "REVALIDATED" -> counts[0]++;
					case "BYPASS" -> counts[2]++;
					default -> counts[1]++;
				}
			}
		}
		catch (IOException ex) {
			return List.of();
		}
		List<Caching.Layer> layers = new ArrayList<>();
		zones.forEach((zone, c) -> layers.add(Caching.Layer.of("edge", "edge", zone, c[0], c[1], c[2])));
		return layers;
	}

	private Optional<PrometheusText> scrape(int port) {
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
						.timeout(Duration.ofSeconds(2))
						.GET()
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(PrometheusText.parse(response.body())) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Calls per database so far, the lab's own connection left out. */
	private static Optional<Map<String, Long>> statements(Database database) {
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						select d.datname, sum(s.calls)::bigint,
						       coalesce(sum(s.calls) filter (where not (%s)), 0)::bigint
						from pg_stat_statements s join pg_database d on d.oid = s.dbid
						where d.datname <> 'postgres' group by d.datname""".formatted(BACKGROUND))) {
			Map<String, Long> calls = new TreeMap<>();
			while (rows.next()) {
				calls.put(rows.getString(1), rows.getLong(2));
				calls.put(rows.getString(1) + QUERIES, rows.getLong(3));
			}
			return Optional.of(calls);
		}
		catch (SQLException ex) {
			// not preloaded, or a server the lab may not read
			return Optional.empty();
		}
	}

	/** At most {@code limit} bytes of {@code in}: the log goes on growing while it is read. */
	private static final class LimitedStream extends FilterInputStream {

		private long left;

		LimitedStream(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = super.read(buffer, offset, (int) Math.min(length, this.left));
			if (n > 0) {
				this.left -= n;
			}
			return n;
		}

	}

	/**
	 * @param statements calls per database, empty when the server keeps no statement statistics
	 */
	public record Snapshot(Map<String, PrometheusText> metrics, long edgeLogOffset,
			Optional<Map<String, Long>> statements) {
	}

}
