package com.blueprintshop.perflab.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import com.blueprintshop.perflab.fit.ScalabilityFits;
import com.blueprintshop.perflab.model.Injection;
import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.model.Caching;
import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.Machine;
import com.blueprintshop.perflab.model.Meta;
import com.blueprintshop.perflab.model.MetricSeries;
import com.blueprintshop.perflab.model.MetricSeries.MetricSample;
import com.blueprintshop.perflab.model.ProcessSeries;
import com.blueprintshop.perflab.model.ProcessSeries.ProcessSample;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.Sweep;
import com.blueprintshop.perflab.model.TimelinePoint;

/** Small but complete runs, built from deterministic series, for the report's tests. */
final class TestRuns {

	static final String HOSTILE_NAME = "<script>alert(1)</script>";

	static final double DURATION = 60;

	static final double WARMUP = 10;

	private TestRuns() {
	}

	/** Every part measured: two request types and a hostile name, processes, metrics, limits, a sweep. */
	static LoadRun complete() {
		List<ProcessSeries> processes = List.of(process("catalog", 101, t -> 60 + (t % 5)),
				process("postgres", 102, t -> 35), process("gateway", 103, t -> 25),
				process(SaturationAnalysis.LOAD_GENERATOR, 104, t -> 30));
		List<MetricSeries> metrics = List.of(
				metrics("catalog", t -> new MetricSample(t, 4 + (t % 3), (t >= 40) ? 2.0 : 0.0, 0.5 + t / 100,
						null, 80.0)),
				metrics("order", t -> new MetricSample(t, 2, 0.0, 0.3, t * 3, 20.0)),
				metrics("gateway", t -> new MetricSample(t, 1, null, null, null, 150.0)));
		return new LoadRun(meta("run-complete", "mix", Map.of("async-checkout", "sync", "catalog-cache", "off")),
				requests(1.0), timeline(), processes, metrics,
				SaturationAnalysis.of(2, WARMUP, DURATION, processes, metrics), limits(), sweep(), histogram(),
				new Caching(List.of(Caching.Layer.of("edge", "edge", "pages", 900, 100, 40),
						Caching.Layer.of("near", "catalog", "catalog.near.products", 90, 10, 0)), 1000,
						Map.of("bp_catalog", 50L), 0.05, Map.of("bp_catalog", 20L), 0.02));
	}

	/** The parts a plain run may leave out: no limits, no sweep, no metrics, no processes, no verdict. */
	static LoadRun bare() {
		return new LoadRun(meta("run-bare", "browse", Map.of()), requests(1.0), timeline(), List.of(), List.of(),
				null, null, null, List.of());
	}

	/** Most requests between 20 and 100 ms, a tail out to 5 s. */
	static List<LoadRun.LatencyBucket> histogram() {
		return List.of(new LoadRun.LatencyBucket(10, 20, 40), new LoadRun.LatencyBucket(20, 50, 900),
				new LoadRun.LatencyBucket(50, 100, 500), new LoadRun.LatencyBucket(100, 200, 60),
				new LoadRun.LatencyBucket(200, 500, 12), new LoadRun.LatencyBucket(2000, 5000, 2),
				new LoadRun.LatencyBucket(20000, Double.POSITIVE_INFINITY, 0));
	}

	static Meta meta(String id, String profile, Map<String, String> ablations) {
		return new Meta(id, profile, Instant.parse("2026-12-01T08:00:00.123456789Z"), DURATION, WARMUP,
				"http://localhost:8080", new Injection("open", 50.0, 80.0, List.of(), null, 1.0),
				new Machine(2, 7.7, "Linux 6.1 amd64", "25.0.1"), 0.18, new LinkedHashMap<>(ablations));
	}

	/** {@code all} serves 150 requests/s; {@code speed} scales the product page's throughput. */
	static List<RequestStats> requests(double speed) {
		return List.of(
				new RequestStats("product page", 5000, 4996, 4, 100 * speed, 12, 30, 80, 150, 400, 18,
						Map.of("status 503", 3L, "timeout", 1L)),
				new RequestStats(HOSTILE_NAME, 1000, 1000, 0, 20, 8, 15, 40, 60, 90, 10, Map.of()),
				new RequestStats("checkout", 1500, 1500, 0, 30, 40, 90, 220, 480, 900, 55, Map.of()),
				new RequestStats(HtmlReport.ALL, 7500, 7496, 4, 150, 14, 45, 160, 420, 900, 25,
						Map.of("status 503", 3L, "timeout", 1L)));
	}

	static List<TimelinePoint> timeline() {
		List<TimelinePoint> timeline = new ArrayList<>();
		for (int t = 1; t <= DURATION; t++) {
			long product = 90 + (t % 7);
			long hostile = 20;
			long checkout = 30 + (t % 3);
			long ko = (t % 20 == 0) ? 2 : 0;
			timeline.add(new TimelinePoint(t, "product page", product, ko, 12, 80 + t, 300, 0));
			timeline.add(new TimelinePoint(t, HOSTILE_NAME, hostile, 0, 8, 40, 90, 0));
			timeline.add(new TimelinePoint(t, "checkout", checkout, 0, 40, 220, 800, 0));
			timeline.add(new TimelinePoint(t, HtmlReport.ALL, product + hostile + checkout, ko, 14, 160 + t,
					600 + 5 * t, 50));
		}
		return timeline;
	}

	static Limits limits() {
		return new Limits(20_000, 2.5, 40_000, 80_000, "wrk, 4 connections, 10 s; pgbench -S, 4 clients, 10 s");
	}

	/** USL λ=100, α=0.05, β=0.002 at 1…64 users, the knee at 16 against an SLO of 200 ms. */
	static Sweep sweep() {
		int[] n = { 1, 2, 4, 8, 16, 32, 64 };
		double[] p99 = { 20, 22, 30, 60, 150, 400, 900 };
		List<Sweep.Point> points = new ArrayList<>();
		for (int i = 0; i < n.length; i++) {
			double x = 100 * n[i] / (1 + 0.05 * (n[i] - 1) + 0.002 * n[i] * (n[i] - 1));
			points.add(new Sweep.Point(n[i], x, p99[i], (n[i] == 64) ? 12 : 0));
		}
		return new Sweep(points, ScalabilityFits.amdahl(points), ScalabilityFits.usl(points), 200,
				ScalabilityFits.knee(points, 200));
	}

	static ProcessSeries process(String component, long pid, DoubleUnaryOperator cpu) {
		List<ProcessSample> samples = new ArrayList<>();
		for (int t = 1; t <= DURATION; t++) {
			samples.add(new ProcessSample(t, cpu.applyAsDouble(t), 200 + pid + t / 10.0));
		}
		return new ProcessSeries(component, pid, samples);
	}

	interface Sampler {

		MetricSample at(double t);

	}

	static MetricSeries metrics(String component, Sampler sampler) {
		List<MetricSample> samples = new ArrayList<>();
		for (int t = 1; t <= DURATION; t++) {
			samples.add(sampler.at(t));
		}
		return new MetricSeries(component, samples);
	}

}
