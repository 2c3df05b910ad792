package com.blueprintshop.perflab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.blueprintshop.perflab.fit.ScalabilityFits;
import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.Machine;
import com.blueprintshop.perflab.model.Meta;
import com.blueprintshop.perflab.model.MetricSeries;
import com.blueprintshop.perflab.model.MetricSeries.MetricSample;
import com.blueprintshop.perflab.model.ProcessSeries;
import com.blueprintshop.perflab.model.ProcessSeries.ProcessSample;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.Saturation;
import com.blueprintshop.perflab.model.Sweep;
import com.blueprintshop.perflab.model.TimelinePoint;

import static com.blueprintshop.perflab.report.Format.esc;
import static com.blueprintshop.perflab.report.Format.num;
import static com.blueprintshop.perflab.report.Format.sig;

/**
 * {@code report.html}: one self-contained page (inline stylesheet and SVG, no script, no external
 * asset) with the run's meta, the summary, a chart per measured series, the saturation verdict, the
 * limits and the sweep. A section the run did not measure says so instead of drawing an empty chart.
 */
final class HtmlReport {

	static final String ALL = "all";

	static final String NOT_MEASURED = "not measured in this run";

	/** Request types drawn one line each on the throughput chart, beside {@code all}. */
	private static final int MAX_TYPES_DRAWN = 9;

	private static final String TIME_AXIS = "time since the run's start (s)";

	private static final String STYLE = """
			body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1000px;\
			padding:16px 24px;color:#222}
			h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
			h3{margin-bottom:.3em}
			table{border-collapse:collapse;margin:.5em 0}th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;\
			text-align:left;vertical-align:top}
			td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.all td{font-weight:600;background:#f6f6f6}
			.callout{border-left:5px solid #4e79a7;background:#f1f5fa;padding:8px 12px;font-size:1.1em}
			.callout.warn{border-color:#e15759;background:#fbeeee}
			.verdict{font-size:1.2em;font-weight:600}
			.missing{color:#777;font-style:italic}.note{color:#555;font-size:.92em}
			nav ul{columns:3;padding-left:1.2em}
			svg.chart{max-width:100%;height:auto;display:block;background:#fff}
			svg .grid{stroke:#e8e8e8}svg .axis{stroke:#444}svg .tickmark{stroke:#444}
			svg .rule{stroke:#888;stroke-dasharray:3 3}svg text{font:11px system-ui,sans-serif;fill:#444}
			svg .axis-label{font-size:12px;fill:#222}svg .rule-label{fill:#666}svg .shade-label{fill:#888}
			svg .value{fill:#222}
			ul.legend{list-style:none;padding:0;margin:.2em 0 1em;display:flex;flex-wrap:wrap;gap:4px 16px}
			ul.legend li{display:flex;align-items:center;gap:6px}
			.swatch{display:inline-block;width:18px;height:0}
			""";

	private final LoadRun run;

	private final Meta meta;

	private final StringBuilder html = new StringBuilder(64 * 1024);

	private HtmlReport(LoadRun run) {
		this.run = run;
		this.meta = run.meta();
	}

	static String render(LoadRun run) {
		return new HtmlReport(run).page();
	}

	private String page() {
		String id = (this.meta != null) ? this.meta.id() : "run";
		this.html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>Load report: ")
			.append(esc(id))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n<h1>Load report: ")
			.append(esc(id))
			.append("</h1>\n");
		contents();
		runMeta();
		summary();
		latencyOverTime();
		throughputOverTime();
		errorRateOverTime();
		latencyDistribution();
		cpu();
		memory();
		gc();
		databasePools();
		kafkaLag();
		caching();
		saturation();
		limits();
		sweep();
		return this.html.append("</body>\n</html>\n").toString();
	}

	private void contents() {
		this.html.append("<nav><ul>");
		String[][] entries = { { "run", "Run" }, { "summary", "Summary" }, { "latency", "Latency over time" },
				{ "throughput", "Throughput over time" }, { "errors", "Error rate over time" },
				{ "distribution", "Latency distribution" }, { "cpu", "CPU per process" },
				{ "memory", "Memory (RSS) per process" }, { "gc", "GC pauses per JVM" },
				{ "pools", "Database pool per service" }, { "lag", "Kafka consumer lag per service" }, { "caching", "Caches and the database" },
				{ "saturation", "Saturation" }, { "limits", "Limits of the machine" },
				{ "sweep", "Sweep and scalability" } };
		for (String[] entry : entries) {
			this.html.append("<li><a href=\"#").append(entry[0]).append("\">").append(esc(entry[1])).append("</a></li>");
		}
		this.html.append("</ul></nav>\n");
	}

	private void section(String id, String heading) {
		this.html.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n");
	}

	private void end() {
		this.html.append("</section>\n");
	}

	private void missing(String what) {
		this.html.append("<p class=\"missing\">").append(esc(what)).append(": ").append(NOT_MEASURED)
			.append(".</p>\n");
	}

	private void note(String text) {
		this.html.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
	}

	private void chart(Svg.Lines chart, String what) {
		if (chart.hasData()) {
			this.html.append(chart.html());
		}
		else {
			missing(what);
		}
	}

	// --- run -------------------------------------------------------------------------------------

	private void runMeta() {
		section("run", "Run");
		if (this.meta == null) {
			missing("The run's description");
			end();
			return;
		}
		double share = this.meta.loadGeneratorCpuShare();
		boolean heavy = share > 0.25;
		this.html.append("<p class=\"callout").append(heavy ? " warn" : "").append("\">The load generator used <strong>")
			.append(esc(num(100 * share)))
			.append(" %</strong> of the machine's CPU in the measured window. ")
			.append(esc(heavy ? "That is more than a quarter: the system had that much less, so every figure here understates it."
					: "Every figure here was measured on a machine it shared with the system."))
			.append("</p>\n<table class=\"meta\">\n");
		row("id", this.meta.id());
		row("profile", this.meta.profile());
		row("started at", (this.meta.startedAt() != null) ? this.meta.startedAt().toString() : "—");
		row("duration", num(this.meta.durationSeconds()) + " s, warm-up included");
		row("warm-up", num(this.meta.warmupSeconds()) + " s, left out of the summary");
		row("target", this.meta.target());
		row("injection", Format.injection(this.meta.injection()));
		Machine machine = this.meta.machine();
		row("machine", (machine == null) ? "—"
				: machine.cores() + " cores, " + num(machine.memoryGiB()) + " GiB, " + machine.os() + ", Java "
						+ machine.java());
		row("load generator CPU", num(100 * share) + " % of the machine");
		row("ablations", ablations(this.meta.ablations()));
		this.html.append("</table>\n");
		end();
	}

	static String ablations(Map<String, String> ablations) {
		if (ablations == null || ablations.isEmpty()) {
			return "none (every tactic on)";
		}
		List<String> parts = new ArrayList<>();
		new TreeMap<>(ablations).forEach((tactic, how) -> parts.add(tactic + ": " + how));
		return String.join("; ", parts);
	}

	private void row(String label, String value) {
		this.html.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
	}

	// --- summary ---------------------------------------------------------------------------------

	private void summary() {
		section("summary", "Summary");
		List<RequestStats> requests = list(this.run.requests());
		if (requests.isEmpty()) {
			missing("Requests");
			end();
			return;
		}
		note("Over the measured window (warm-up left out). Latencies in milliseconds.");
		this.html.append("<table class=\"summary\">\n<tr><th>request</th>");
		for (String h : List.of("count", "ok", "ko", "error %", "rps (req/s)", "p50 (ms)", "p90 (ms)", "p99 (ms)",
				"p99.9 (ms)", "max (ms)", "mean (ms)")) {
			this.html.append("<th class=\"n\">").append(esc(h)).append("</th>");
		}
		this.html.append("<th>errors by kind</th></tr>\n");
		List<RequestStats> ordered = new ArrayList<>(requests.stream().filter(r -> !ALL.equals(r.name())).toList());
		ordered.addAll(requests.stream().filter(r -> ALL.equals(r.name())).toList());
		for (RequestStats r : ordered) {
			this.html.append(ALL.equals(r.name()) ? "<tr class=\"all\">" : "<tr>")
				.append("<td>")
				.append(esc(r.name()))
				.append("</td>");
			for (String cell : List.of(Long.toString(r.count()), Long.toString(r.ok()), Long.toString(r.ko()),
					(r.count() > 0) ? num(100.0 * r.ko() / r.count()) : "—", num(r.rps()), num(r.p50Ms()),
					num(r.p90Ms()), num(r.p99Ms()), num(r.p999Ms()), num(r.maxMs()), num(r.meanMs()))) {
				this.html.append("<td class=\"n\">").append(esc(cell)).append("</td>");
			}
			this.html.append("<td>").append(esc(errors(r.errors()))).append("</td></tr>\n");
		}
		this.html.append("</table>\n");
		end();
	}

	static String errors(Map<String, Long> errors) {
		if (errors == null || errors.isEmpty()) {
			return "none";
		}
		List<String> parts = new ArrayList<>();
		errors.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> parts.add(e.getKey() + " × " + e.getValue()));
		return String.join(", ", parts);
	}

	// --- timeline charts -------------------------------------------------------------------------

	private List<TimelinePoint> timeline(String name) {
		return list(this.run.timeline()).stream()
			.filter(p -> name.equals(p.name()))
			.sorted(Comparator.comparingDouble(TimelinePoint::t))
			.toList();
	}

	private Svg.Lines timeChart(String title, String yLabel) {
		Svg.Lines chart = new Svg.Lines(title, TIME_AXIS, yLabel);
		if (this.meta != null) {
			chart.shade(0, this.meta.warmupSeconds(), "warm-up");
		}
		return chart;
	}

	private void latencyOverTime() {
		section("latency", "Latency over time");
		List<TimelinePoint> all = timeline(ALL);
		double[] t = all.stream().mapToDouble(TimelinePoint::t).toArray();
		// a second without a completed request has no latency: a gap, not a zero
		double[] p50 = values(all, p -> (p.count() > 0) ? p.p50Ms() : Double.NaN);
		double[] p99 = values(all, p -> (p.count() > 0) ? p.p99Ms() : Double.NaN);
		double[] max = values(all, p -> (p.count() > 0) ? p.maxMs() : Double.NaN);
		List<Double> every = new ArrayList<>();
		for (double[] series : List.of(p50, p99, max)) {
			for (double v : series) {
				every.add(v);
			}
		}
		boolean log = Svg.wantsLog(every);
		Svg.Lines chart = timeChart("Latency of all requests per second: p50, p99 and max", "latency (ms)").log(log)
			.line("p50", t, p50)
			.line("p99", t, p99)
			.line("max", t, max);
		if (chart.hasData()) {
			note("Each point is one second of every request together (all); the shaded start is the warm-up."
					+ (log ? " The axis is logarithmic: the tail is orders of magnitude above the median." : ""));
		}
		chart(chart, "Latency per second");
		end();
	}

	private void throughputOverTime() {
		section("throughput", "Throughput over time");
		List<TimelinePoint> all = timeline(ALL);
		Svg.Lines chart = timeChart("Requests completed per second", "throughput (requests/s)");
		chart.line(ALL, all.stream().mapToDouble(TimelinePoint::t).toArray(), values(all, p -> p.count()));
		Map<String, Long> totals = new LinkedHashMap<>();
		for (TimelinePoint p : list(this.run.timeline())) {
			if (!ALL.equals(p.name())) {
				totals.merge(p.name(), p.count(), Long::sum);
			}
		}
		List<String> types = totals.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(MAX_TYPES_DRAWN)
			.map(Map.Entry::getKey)
			.toList();
		for (String type : types) {
			List<TimelinePoint> points = timeline(type);
			chart.line(type, points.stream().mapToDouble(TimelinePoint::t).toArray(), values(points, p -> p.count()));
		}
		if (totals.size() > types.size()) {
			note("The " + types.size() + " busiest of " + totals.size() + " request types are drawn beside all.");
		}
		chart(chart, "Throughput per second");
		end();
	}

	private void errorRateOverTime() {
		section("errors", "Error rate over time");
		List<TimelinePoint> all = timeline(ALL);
		Svg.Lines chart = timeChart("Failed requests as a share of those completed, per second",
				"errors (% of requests)")
			.line("error rate of all", all.stream().mapToDouble(TimelinePoint::t).toArray(),
					values(all, p -> (p.count() > 0) ? 100.0 * p.ko() / p.count() : Double.NaN));
		if (chart.hasData()) {
			long failed = all.stream().mapToLong(TimelinePoint::ko).sum();
			long completed = all.stream().mapToLong(TimelinePoint::count).sum();
			note((failed == 0) ? "No request failed in the whole run, warm-up included."
					: failed + " of " + completed + " requests failed over the whole run, warm-up included.");
		}
		chart(chart, "Error rate per second");
		end();
	}

	private void latencyDistribution() {
		section("distribution", "Latency distribution");
		RequestStats all = list(this.run.requests()).stream().filter(r -> ALL.equals(r.name())).findFirst()
			.orElse(null);
		if (all == null || all.count() == 0) {
			missing("The latency distribution of all requests");
			end();
			return;
		}
		List<LoadRun.LatencyBucket> buckets = list(this.run.histogram()).stream().filter((b) -> b.count() > 0).toList();
		if (!buckets.isEmpty()) {
			Svg.Bars histogram = new Svg.Bars("Requests of the measured window by latency", "latency (ms)",
					"requests");
			for (LoadRun.LatencyBucket bucket : buckets) {
				histogram.bar(Double.isInfinite(bucket.toMs()) ? "≥ " + num(bucket.fromMs())
						: num(bucket.fromMs()) + "–" + num(bucket.toMs()), bucket.count());
			}
			this.html.append(histogram.html());
		}
		else {
			note("No latency histogram in this report: the percentiles below are all there is.");
		}
		List<Double> values = List.of(all.p50Ms(), all.p90Ms(), all.p99Ms(), all.p999Ms(), all.maxMs());
		boolean log = Svg.wantsLog(values);
		Svg.Bars bars = new Svg.Bars("Percentiles of the latency of all requests", "percentile", "latency (ms)")
			.log(log)
			.bar("p50", all.p50Ms())
			.bar("p90", all.p90Ms())
			.bar("p99", all.p99Ms())
			.bar("p99.9", all.p999Ms())
			.bar("max", all.maxMs());
		note("Mean " + num(all.meanMs()) + " ms; p99 is "
				+ ((all.p50Ms() > 0) ? num(all.p99Ms() / all.p50Ms()) + " × the median." : "—."));
		this.html.append(bars.html());
		end();
	}

	// --- processes and metrics -------------------------------------------------------------------

	private int cores() {
		return (this.meta != null && this.meta.machine() != null) ? this.meta.machine().cores() : 0;
	}

	private void cpu() {
		section("cpu", "CPU per process");
		List<ProcessSeries> processes = list(this.run.processes());
		Svg.Lines chart = timeChart("CPU used by every process, per second", "CPU (% of one core)");
		for (ProcessSeries p : processes) {
			List<ProcessSample> samples = sorted(p);
			chart.line(p.component(), samples.stream().mapToDouble(ProcessSample::t).toArray(),
					samples.stream().mapToDouble(ProcessSample::cpuPercent).toArray());
		}
		if (chart.hasData()) {
			TreeMap<Long, Double> total = SaturationAnalysis.machineCpuPerSecond(
					new SaturationAnalysis.Window(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), processes);
			chart.add("all processes together", total.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
					total.values().stream().mapToDouble(Double::doubleValue).toArray(), Svg.Kind.DASHED);
			if (cores() > 0) {
				chart.yRule(cores() * 100.0, "machine: " + cores() + " cores = " + (cores() * 100) + " %");
			}
			note("One line per process (children added up: PostgreSQL's backends, nginx's workers), the load "
					+ "generator among them; 100 % is one core.");
		}
		chart(chart, "CPU per process");
		end();
	}

	private void memory() {
		section("memory", "Memory (RSS) per process");
		Svg.Lines chart = timeChart("Resident memory of every process", "RSS (MiB)");
		for (ProcessSeries p : list(this.run.processes())) {
			List<ProcessSample> samples = sorted(p);
			chart.line(p.component(), samples.stream().mapToDouble(ProcessSample::t).toArray(),
					samples.stream().mapToDouble(ProcessSample::rssMiB).toArray());
		}
		chart(chart, "Memory per process");
		end();
	}

	private void gc() {
		section("gc", "GC pauses per JVM");
		Svg.Lines chart = metricChart("Time each JVM spent in GC pauses, per second", "GC pauses (ms per second)",
				s -> s.gcPauseMsPerSecond());
		if (chart.hasData()) {
			chart.yRule(SaturationAnalysis.GC_MS_PER_SECOND, "5 % of the time");
		}
		chart(chart, "GC pauses");
		end();
	}

	private void databasePools() {
		section("pools", "Database pool per service");
		this.html.append("<h3>Threads waiting for a connection</h3>\n");
		chart(metricChart("Threads waiting for a database connection (HikariCP pending)",
				"threads waiting (count)", MetricSample::dbPoolPending), "Database pool waits");
		this.html.append("<h3>Time to get a connection</h3>\n");
		chart(metricChart("Mean time to get a database connection, per second", "acquire time (ms)",
				MetricSample::dbPoolAcquireMs), "Database connection acquire time");
		end();
	}

	private void kafkaLag() {
		section("lag", "Kafka consumer lag per service");
		chart(metricChart("Records each service's consumers are behind", "consumer lag (records)",
				MetricSample::kafkaConsumerLag), "Kafka consumer lag");
		end();
	}

	/** One line per component that has the metric at all; a missing sample is a gap. */
	private Svg.Lines metricChart(String title, String yLabel, Function<MetricSample, Double> value) {
		Svg.Lines chart = timeChart(title, yLabel);
		for (MetricSeries series : list(this.run.metrics())) {
			List<MetricSample> samples = list(series.samples()).stream()
				.sorted(Comparator.comparingDouble(MetricSample::t))
				.toList();
			if (samples.stream().allMatch(s -> value.apply(s) == null)) {
				continue;
			}
			chart.line(series.component(), samples.stream().mapToDouble(MetricSample::t).toArray(),
					samples.stream().mapToDouble(s -> {
						Double v = value.apply(s);
						return (v != null) ? v : Double.NaN;
					}).toArray());
		}
		return chart;
	}

	// --- verdicts --------------------------------------------------------------------------------

	private void saturation() {
		section("saturation", "Saturation");
		Saturation saturation = this.run.saturation();
		if (saturation == null) {
			missing("Saturation");
			end();
			return;
		}
		this.html.append("<p class=\"verdict\">Saturated first: ").append(esc(saturation.first())).append("</p>\n");
		List<String> findings = list(saturation.findings());
		if (findings.isEmpty()) {
			note("No findings were recorded.");
		}
		else {
			this.html.append("<ul class=\"findings\">\n");
			for (String finding : findings) {
				this.html.append("<li>").append(esc(finding)).append("</li>\n");
			}
			this.html.append("</ul>\n");
		}
		note("Thresholds, each held for " + SaturationAnalysis.SUSTAINED + " seconds in a row: machine CPU ≥ "
				+ num(100 * SaturationAnalysis.MACHINE_CPU_SHARE) + " % of every core; one process at "
				+ num(SaturationAnalysis.PEGGED_LOW_PERCENT) + "–" + num(SaturationAnalysis.PEGGED_HIGH_PERCENT)
				+ " % of one core; threads waiting for a database connection; Kafka lag rising; GC pauses over "
				+ num(SaturationAnalysis.GC_MS_PER_SECOND / 10) + " % of the time.");
		end();
	}

	private void limits() {
		section("limits", "Limits of the machine");
		Limits limits = this.run.limits();
		if (limits == null) {
			missing("The machine's limits");
			end();
			return;
		}
		RequestStats all = list(this.run.requests()).stream().filter(r -> ALL.equals(r.name())).findFirst()
			.orElse(null);
		note("Reference ceilings measured on the same machine in the same run, and the system's figures (all "
				+ "requests, measured window) against them. Method: "
				+ ((limits.method() != null && !limits.method().isBlank()) ? limits.method() : "not recorded") + ".");
		this.html.append("<table class=\"limits\">\n<tr><th>ceiling</th><th class=\"n\">measured</th>")
			.append("<th class=\"n\">the system</th><th class=\"n\">the system as a share</th></tr>\n");
		double rps = (all != null) ? all.rps() : Double.NaN;
		double p99 = (all != null) ? all.p99Ms() : Double.NaN;
		limitRow("nginx, 2 KB static file (requests/s)", limits.staticFileRps(), rps,
				percentOf(rps, limits.staticFileRps()));
		limitRow("nginx, 2 KB static file p99 (ms)", limits.staticFileP99Ms(), p99,
				(limits.staticFileP99Ms() > 0 && Double.isFinite(p99)) ? num(p99 / limits.staticFileP99Ms()) + " ×"
						: "—");
		limitRow("PostgreSQL primary-key selects/s", limits.postgresSelectsPerSecond(), rps,
				percentOf(rps, limits.postgresSelectsPerSecond()));
		limitRow("Redis GETs/s", limits.redisGetsPerSecond(), rps, percentOf(rps, limits.redisGetsPerSecond()));
		this.html.append("</table>\n");
		if (all != null && limits.staticFileRps() > 0) {
			note("The system served " + num(rps) + " requests/s: " + percentOf(rps, limits.staticFileRps())
					+ " of what the machine serves as a static file, the most any HTTP answer can reach here.");
		}
		end();
	}

	private void caching() {
		section("caching", "Caches and the database");
		com.blueprintshop.perflab.model.Caching caching = this.run.caching();
		if (caching == null) {
			missing("The cache counters");
			end();
			return;
		}
		note("Counted over the measured window: the edge's verdict on each request from its access log (a STALE "
				+ "answer, served while nginx refreshes the page in the background, counts as a miss: a storefront "
				+ "was asked), every service's cache.gets from its metrics, and the statements PostgreSQL ran "
				+ "(pg_stat_statements).");
		if (caching.layers().isEmpty()) {
			note("No cache reported a get in the window.");
		}
		else {
			this.html.append("<table>\n<tr><th>layer</th><th>where</th><th>cache</th><th class=\"n\">hits</th>")
				.append("<th class=\"n\">misses</th><th class=\"n\">bypassed</th><th class=\"n\">hit ratio</th></tr>\n");
			for (com.blueprintshop.perflab.model.Caching.Layer layer : caching.layers()) {
				this.html.append("<tr><td>").append(esc(layer.layer())).append("</td><td>").append(esc(layer.component()))
					.append("</td><td>").append(esc(layer.cache())).append("</td><td class=\"n\">").append(layer.hits())
					.append("</td><td class=\"n\">").append(layer.misses()).append("</td><td class=\"n\">")
					.append(layer.bypassed()).append("</td><td class=\"n\">")
					.append((layer.hitRatio() != null) ? esc(num(layer.hitRatio() * 100) + " %") : "—")
					.append("</td></tr>\n");
			}
			this.html.append("</table>\n");
		}
		if (caching.statementsPerRequest() == null) {
			note("PostgreSQL keeps no statement statistics here (pg_stat_statements is not preloaded).");
		}
		else {
			long total = caching.statements().values().stream().mapToLong(Long::longValue).sum();
			note(total + " statements reached PostgreSQL for " + caching.requests() + " requests: "
					+ num(caching.statementsPerRequest()) + " per request ("
					+ caching.statements().entrySet().stream().map((e) -> e.getKey() + " " + e.getValue())
						.collect(java.util.stream.Collectors.joining(", "))
					+ ").");
			if (caching.queriesPerRequest() != null) {
				long queries = caching.queries().values().stream().mapToLong(Long::longValue).sum();
				note("Of them, " + queries + " were queries a request asked for (transaction control and the outbox "
						+ "relays' and inboxes' polling left out): " + num(caching.queriesPerRequest()) + " per request ("
						+ caching.queries().entrySet().stream().map((e) -> e.getKey() + " " + e.getValue())
							.collect(java.util.stream.Collectors.joining(", "))
						+ ").");
			}
		}
		end();
	}

	static String percentOf(double value, double ceiling) {
		if (!(ceiling > 0) || !Double.isFinite(value)) {
			return "—";
		}
		return num(100 * value / ceiling) + " %";
	}

	private void limitRow(String what, double ceiling, double system, String share) {
		this.html.append("<tr><td>").append(esc(what)).append("</td><td class=\"n\">").append(esc(num(ceiling)))
			.append("</td><td class=\"n\">").append(esc(num(system))).append("</td><td class=\"n\">")
			.append(esc(share)).append("</td></tr>\n");
	}

	private void sweep() {
		section("sweep", "Sweep and scalability");
		Sweep sweep = this.run.sweep();
		if (sweep == null || list(sweep.points()).isEmpty()) {
			missing("A sweep of concurrencies (and the Amdahl and USL fits)");
			end();
			return;
		}
		List<Sweep.Point> points = list(sweep.points()).stream()
			.sorted(Comparator.comparingInt(Sweep.Point::concurrency))
			.toList();
		Integer knee = sweep.kneeConcurrency();
		this.html.append("<p class=\"verdict\">Knee: ")
			.append(esc((knee != null) ? knee + " users" : "none"))
			.append("</p>\n");
		note((knee != null)
				? "The last concurrency whose p99 stayed within " + num(sweep.sloP99Ms())
						+ " ms without errors, before the first that broke it."
				: "The first step already broke the SLO (p99 ≤ " + num(sweep.sloP99Ms()) + " ms, no errors).");

		this.html.append("<h3>Steps</h3>\n<table class=\"points\">\n<tr><th class=\"n\">users</th>")
			.append("<th class=\"n\">throughput (req/s)</th><th class=\"n\">p99 (ms)</th><th class=\"n\">errors</th>")
			.append("<th>within the SLO</th></tr>\n");
		for (Sweep.Point p : points) {
			boolean within = p.p99Ms() <= sweep.sloP99Ms() && p.errors() == 0;
			this.html.append("<tr><td class=\"n\">").append(p.concurrency()).append("</td><td class=\"n\">")
				.append(esc(num(p.throughput()))).append("</td><td class=\"n\">").append(esc(num(p.p99Ms())))
				.append("</td><td class=\"n\">").append(p.errors()).append("</td><td>").append(within ? "yes" : "no")
				.append("</td></tr>\n");
		}
		this.html.append("</table>\n");

		this.html.append("<h3>Fitted laws</h3>\n");
		if (sweep.amdahl() == null && sweep.usl() == null) {
			note("Neither law was fitted (too few steps: Amdahl needs 2 concurrencies, the USL 3).");
		}
		else {
			this.html.append("<table class=\"fits\">\n<tr><th>law</th><th class=\"n\">λ (req/s, one user)</th>")
				.append("<th class=\"n\">α (contention)</th><th class=\"n\">β (coherency)</th>")
				.append("<th class=\"n\">N* (users)</th><th class=\"n\">peak (req/s)</th><th>the peak is</th>")
				.append("<th class=\"n\">R²</th></tr>\n");
			fitRow("Amdahl", "X(N) = λN / (1 + α(N − 1))", sweep.amdahl(), "the ceiling λ/α");
			fitRow("USL", "X(N) = λN / (1 + α(N − 1) + βN(N − 1))", sweep.usl(),
					(sweep.usl() != null && sweep.usl().peakConcurrency() != null) ? "X(N*)"
							: "the asymptote λ/α (β = 0: no retrograde)");
			this.html.append("</table>\n");
		}

		double[] n = points.stream().mapToDouble(Sweep.Point::concurrency).toArray();
		Svg.Lines throughput = new Svg.Lines("Throughput against concurrency: measured steps and fitted laws",
				"concurrency (users)", "throughput (requests/s)")
			.add("measured", n, points.stream().mapToDouble(Sweep.Point::throughput).toArray(), Svg.Kind.POINTS);
		double largest = n[n.length - 1];
		double[] curveN = new double[121];
		for (int i = 0; i < curveN.length; i++) {
			curveN[i] = 1 + (largest - 1) * i / (curveN.length - 1.0);
		}
		curve(throughput, "Amdahl fit", sweep.amdahl(), curveN, Svg.Kind.LINE);
		curve(throughput, "USL fit", sweep.usl(), curveN, Svg.Kind.DASHED);
		if (sweep.usl() != null && sweep.usl().peakConcurrency() != null
				&& sweep.usl().peakConcurrency() <= largest * 1.5) {
			throughput.xRule(sweep.usl().peakConcurrency(), "N* = " + num(sweep.usl().peakConcurrency()));
		}
		if (knee != null) {
			throughput.xRule(knee, "knee = " + knee);
		}
		this.html.append("<h3>Throughput against concurrency</h3>\n");
		chart(throughput, "Sweep throughput");

		List<Double> p99s = points.stream().map(Sweep.Point::p99Ms).toList();
		Svg.Lines latency = new Svg.Lines("p99 latency against concurrency, with the SLO", "concurrency (users)",
				"p99 latency (ms)")
			.log(Svg.wantsLog(p99s))
			.line("p99", n, p99s.stream().mapToDouble(Double::doubleValue).toArray())
			.yRule(sweep.sloP99Ms(), "SLO: p99 ≤ " + num(sweep.sloP99Ms()) + " ms");
		this.html.append("<h3>p99 against concurrency</h3>\n");
		chart(latency, "Sweep latency");
		end();
	}

	private void fitRow(String law, String formula, Sweep.Fit fit, String peakMeaning) {
		this.html.append("<tr><td>").append(esc(law)).append("<br><span class=\"note\">").append(esc(formula))
			.append("</span></td>");
		if (fit == null) {
			this.html.append("<td colspan=\"7\" class=\"missing\">not fitted (too few steps)</td></tr>\n");
			return;
		}
		for (String cell : List.of(num(fit.lambda()), sig(fit.alpha()), (fit.beta() != null) ? sig(fit.beta()) : "—",
				(fit.peakConcurrency() != null) ? num(fit.peakConcurrency()) : "—", num(fit.peakThroughput()))) {
			this.html.append("<td class=\"n\">").append(esc(cell)).append("</td>");
		}
		this.html.append("<td>").append(esc(peakMeaning)).append("</td><td class=\"n\">")
			.append(esc(String.format(Locale.ROOT, "%.4f", fit.rSquared())))
			.append("</td></tr>\n");
	}

	private static void curve(Svg.Lines chart, String name, Sweep.Fit fit, double[] n, Svg.Kind kind) {
		if (fit == null) {
			return;
		}
		double[] x = new double[n.length];
		for (int i = 0; i < n.length; i++) {
			x[i] = ScalabilityFits.throughput(fit, n[i]);
		}
		chart.add(name + " (R² " + String.format(Locale.ROOT, "%.3f", fit.rSquared()) + ")", n, x, kind);
	}

	// --- helpers ---------------------------------------------------------------------------------

	private static List<ProcessSample> sorted(ProcessSeries process) {
		return list(process.samples()).stream().sorted(Comparator.comparingDouble(ProcessSample::t)).toList();
	}

	private static double[] values(List<TimelinePoint> points, ToDoubleFunction<TimelinePoint> value) {
		return points.stream().mapToDouble(value).toArray();
	}

	static <T> List<T> list(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
