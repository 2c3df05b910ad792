package com.blueprintshop.perflab.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import com.blueprintshop.perflab.engine.Recorder.Sample;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.TimelinePoint;

/**
 * The report's figures from the recorded samples, exactly: percentiles by nearest rank over every
 * response time (milliseconds), no histogram or sketch in between.
 */
public final class Measurements {

	public static final String ALL = "all";

	private Measurements() {
	}

	/**
	 * Per request name over a window, {@code all} first, then in the order the names first occur.
	 * A request belongs to the window it was sent in: {@code fromMillis ≤ start < toMillis}. So a
	 * slow request sent in the last second still counts (with its whole time), and one sent
	 * during the warm-up does not, whenever it ended.
	 */
	public static List<RequestStats> requests(List<Sample> samples, long fromMillis, long toMillis,
			double windowSeconds) {
		Map<String, List<Sample>> byName = new LinkedHashMap<>();
		List<Sample> all = new ArrayList<>();
		for (Sample sample : samples) {
			if (sample.startMillis() >= fromMillis && sample.startMillis() < toMillis) {
				all.add(sample);
				byName.computeIfAbsent(sample.name(), (n) -> new ArrayList<>()).add(sample);
			}
		}
		List<RequestStats> stats = new ArrayList<>();
		stats.add(stats(ALL, all, windowSeconds));
		// a followed redirect's hops ("sign in → /auth/login") right under the request that led to them
		Map<String, List<String>> families = new LinkedHashMap<>();
		byName.keySet().forEach((name) -> families.computeIfAbsent(base(name), (b) -> new ArrayList<>()).add(name));
		families.forEach((base, names) -> {
			names.sort(java.util.Comparator.comparing((String n) -> !n.equals(base)));
			names.forEach((name) -> stats.add(stats(name, byName.get(name), windowSeconds)));
		});
		return stats;
	}

	/** Bucket bounds in milliseconds: 1-2-5 steps, so a log axis spaces them evenly. */
	static final double[] HISTOGRAM_BOUNDS = { 0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000,
			20000, Double.POSITIVE_INFINITY };

	/** The latencies of every request sent in the window, all types together, counted per bucket. */
	public static List<com.blueprintshop.perflab.model.LoadRun.LatencyBucket> histogram(List<Sample> samples,
			long fromMillis, long toMillis) {
		long[] counts = new long[HISTOGRAM_BOUNDS.length - 1];
		for (Sample sample : samples) {
			if (sample.startMillis() >= fromMillis && sample.startMillis() < toMillis) {
				long millis = sample.millis();
				int bucket = 0;
				while (bucket < counts.length - 1 && millis >= HISTOGRAM_BOUNDS[bucket + 1]) {
					bucket++;
				}
				counts[bucket]++;
			}
		}
		List<com.blueprintshop.perflab.model.LoadRun.LatencyBucket> buckets = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			buckets.add(new com.blueprintshop.perflab.model.LoadRun.LatencyBucket(HISTOGRAM_BOUNDS[i],
					HISTOGRAM_BOUNDS[i + 1], counts[i]));
		}
		return buckets;
	}

	private static String base(String name) {
		int arrow = name.indexOf(" → ");
		return (arrow > 0) ? name.substring(0, arrow) : name;
	}

	static RequestStats stats(String name, List<Sample> samples, double windowSeconds) {
		long[] millis = samples.stream().mapToLong(Sample::millis).sorted().toArray();
		long ko = samples.stream().filter((s) -> !s.ok()).count();
		Map<String, Long> errors = new TreeMap<>();
		samples.stream().filter((s) -> !s.ok()).forEach((s) -> errors.merge(ErrorKinds.of(s.message()), 1L, Long::sum));
		double mean = Arrays.stream(millis).average().orElse(0);
		return new RequestStats(name, samples.size(), samples.size() - ko, ko,
				(windowSeconds > 0) ? samples.size() / windowSeconds : 0, percentile(millis, 50), percentile(millis, 90),
				percentile(millis, 99), percentile(millis, 99.9), (millis.length > 0) ? millis[millis.length - 1] : 0,
				Math.round(mean * 10) / 10.0, errors);
	}

	/** Nearest rank: the smallest value with at least {@code p} % of the values at or below it. */
	public static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		// the epsilon keeps 0.99 × 1000 at rank 990, not 991 by a binary fraction
		int rank = (int) Math.ceil(p * sorted.length / 100.0 - 1e-9);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	/**
	 * One point per second since the run's start and per request name (and {@code all}): the
	 * requests that ended in that second ({@code t} is the second's end). Warm-up and the drain
	 * after the last arrival included.
	 *
	 * @param activeUsers users in the system at the end of second {@code t}, for the {@code all} points
	 */
	public static List<TimelinePoint> timeline(List<Sample> samples, long runStartMillis, int seconds,
			IntUnaryOperator activeUsers) {
		List<String> names = new ArrayList<>();
		names.add(ALL);
		samples.stream().map(Sample::name).distinct().forEach(names::add);
		Map<String, List<List<Long>>> buckets = new LinkedHashMap<>();
		Map<String, long[]> failures = new LinkedHashMap<>();
		for (String name : names) {
			List<List<Long>> perSecond = new ArrayList<>();
			for (int i = 0; i < seconds; i++) {
				perSecond.add(new ArrayList<>());
			}
			buckets.put(name, perSecond);
			failures.put(name, new long[seconds]);
		}
		for (Sample sample : samples) {
			int second = (int) Math.floorDiv(sample.endMillis() - runStartMillis, 1000L);
			if (second < 0 || second >= seconds) {
				continue;
			}
			for (String name : List.of(ALL, sample.name())) {
				buckets.get(name).get(second).add(sample.millis());
				if (!sample.ok()) {
					failures.get(name)[second]++;
				}
			}
		}
		List<TimelinePoint> points = new ArrayList<>();
		for (int second = 0; second < seconds; second++) {
			for (String name : names) {
				long[] millis = buckets.get(name).get(second).stream().mapToLong(Long::longValue).sorted().toArray();
				points.add(new TimelinePoint(second + 1, name, millis.length, failures.get(name)[second],
						percentile(millis, 50), percentile(millis, 99),
						(millis.length > 0) ? millis[millis.length - 1] : 0,
						name.equals(ALL) ? activeUsers.applyAsInt(second + 1) : 0));
			}
		}
		return points;
	}

}
