package com.blueprintshop.perflab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gatling's own statistics of a run: in 3.13 its report writes them as a script,
 * {@code js/stats.js} ({@code var stats = {…}}, an object literal with unquoted keys, followed by
 * the page's functions), no longer as {@code js/stats.json}. Its figures cover the whole run
 * (warm-up included) and its percentiles come from t-digest sketches; read to cross-check the
 * recorder's counts.
 */
public final class StatsJson {

	/** Gatling's name for the line of every request together. */
	public static final String ALL = "All Requests";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
		.build();

	private StatsJson() {
	}

	/** Per request name (and {@link #ALL}), in the order of the file. */
	public static Map<String, Figures> read(Path statsJs) {
		try {
			return parse(Files.readString(statsJs));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + statsJs, ex);
		}
	}

	/** The statistics in a {@code stats.js} (or a plain JSON object of the same shape). */
	static Map<String, Figures> parse(String script) {
		JsonNode root = JSON.readTree(objectLiteral(script));
		Map<String, Figures> figures = new LinkedHashMap<>();
		figures.put(ALL, figures(root.path("stats")));
		collect(root.path("contents"), figures);
		return figures;
	}

	/** The first balanced {@code {…}} of the script, braces inside strings skipped. */
	static String objectLiteral(String script) {
		int start = script.indexOf('{');
		if (start < 0) {
			throw new IllegalArgumentException("no statistics object in the script");
		}
		int depth = 0;
		boolean quoted = false;
		for (int i = start; i < script.length(); i++) {
			char c = script.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return script.substring(start, i + 1);
			}
		}
		throw new IllegalArgumentException("the statistics object is not closed");
	}

	private static void collect(JsonNode contents, Map<String, Figures> figures) {
		for (JsonNode entry : contents) {
			if ("REQUEST".equals(entry.path("type").asString())) {
				figures.put(entry.path("name").asString(), figures(entry.path("stats")));
			}
			collect(entry.path("contents"), figures);
		}
	}

	private static Figures figures(JsonNode stats) {
		JsonNode requests = stats.path("numberOfRequests");
		return new Figures(number(requests.path("total")), number(requests.path("ok")), number(requests.path("ko")),
				number(stats.path("percentiles1").path("total")), number(stats.path("percentiles2").path("total")),
				number(stats.path("percentiles3").path("total")), number(stats.path("percentiles4").path("total")),
				number(stats.path("maxResponseTime").path("total")),
				number(stats.path("meanResponseTime").path("total")),
				number(stats.path("meanNumberOfRequestsPerSecond").path("total")));
	}

	// Gatling writes numbers, or "-" where there is none
	private static double number(JsonNode value) {
		if (value.isNumber()) {
			return value.asDouble();
		}
		try {
			return Double.parseDouble(value.asString(""));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** One line of Gatling's statistics table: percentiles 50, 90, 99 and 99.9 as perf-lab's gatling.conf sets them. */
	public record Figures(double count, double ok, double ko, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
			double maxMs, double meanMs, double rps) {
	}

}
