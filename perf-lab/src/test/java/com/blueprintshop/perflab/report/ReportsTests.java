package com.blueprintshop.perflab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.blueprintshop.perflab.model.Injection;
import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.Meta;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.Sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportsTests {

	/** Section id → heading, in the order the page has them. */
	private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

	static {
		SECTIONS.put("run", "Run");
		SECTIONS.put("summary", "Summary");
		SECTIONS.put("latency", "Latency over time");
		SECTIONS.put("throughput", "Throughput over time");
		SECTIONS.put("errors", "Error rate over time");
		SECTIONS.put("distribution", "Latency distribution");
		SECTIONS.put("cpu", "CPU per process");
		SECTIONS.put("memory", "Memory (RSS) per process");
		SECTIONS.put("gc", "GC pauses per JVM");
		SECTIONS.put("pools", "Database pool per service");
		SECTIONS.put("lag", "Kafka consumer lag per service");
		SECTIONS.put("caching", "Caches and the database");
		SECTIONS.put("saturation", "Saturation");
		SECTIONS.put("limits", "Limits of the machine");
		SECTIONS.put("sweep", "Sweep and scalability");
	}

	@TempDir
	Path dir;

	@Test
	void writesBothFilesIntoANewFolder() {
		Path folder = this.dir.resolve("runs/run-complete");

		Reports.write(TestRuns.complete(), folder);

		assertThat(folder.resolve("report.json")).isRegularFile();
		assertThat(folder.resolve("report.html")).isRegularFile();
	}

	@Test
	void jsonRoundTripsToAnEqualRun() {
		LoadRun run = TestRuns.complete();

		Reports.write(run, this.dir);

		assertThat(Reports.read(this.dir.resolve("report.json"))).isEqualTo(run);
		assertThat(Reports.read(this.dir)).isEqualTo(run);
	}

	@Test
	void jsonRoundTripsARunWithoutItsOptionalParts() {
		LoadRun run = TestRuns.bare();

		Reports.write(run, this.dir);

		LoadRun read = Reports.read(this.dir.resolve("report.json"));
		assertThat(read).isEqualTo(run);
		assertThat(read.limits()).isNull();
		assertThat(read.sweep()).isNull();
	}

	@Test
	void jsonKeepsAnInfiniteCeiling() {
		LoadRun complete = TestRuns.complete();
		Sweep linear = new Sweep(complete.sweep().points(),
				new Sweep.Fit("amdahl", 100, 0, null, null, Double.POSITIVE_INFINITY, 1), null, 200, null);
		LoadRun run = new LoadRun(complete.meta(), complete.requests(), List.of(), List.of(), List.of(), null, null,
				linear, List.of());

		assertThat(Reports.fromJson(Reports.json(run))).isEqualTo(run);
	}

	@Test
	void jsonIsPrettyPrintedWithIsoInstants() throws Exception {
		Reports.write(TestRuns.complete(), this.dir);

		String json = Files.readString(this.dir.resolve("report.json"));
		assertThat(json).contains("\"startedAt\" : \"2026-12-01T08:00:00.123456789Z\"");
		assertThat(json.lines().count()).isGreaterThan(100);
		assertThat(json).contains("\"name\" : \"<script>alert(1)</script>\"");
	}

	@Test
	void rejectsAFileThatIsNotAReport() throws Exception {
		Path file = this.dir.resolve("report.json");
		Files.writeString(file, "{\"meta\": 42");

		assertThatIllegalArgumentException().isThrownBy(() -> Reports.read(file))
			.withMessageContaining("report.json")
			.withMessageContaining("Not a load report");
	}

	@Test
	void htmlHasEverySectionUnderItsHeading() {
		String html = Reports.html(TestRuns.complete());

		int last = -1;
		for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
			int at = html.indexOf("<section id=\"" + section.getKey() + "\">\n<h2>" + section.getValue() + "</h2>");
			assertThat(at).as(section.getValue()).isGreaterThan(last);
			last = at;
		}
	}

	@Test
	void htmlDrawsAChartInEveryChartSectionOfACompleteRun() {
		Map<String, String> sections = sections(Reports.html(TestRuns.complete()));

		Map<String, Integer> charts = Map.of("latency", 1, "throughput", 1, "errors", 1, "distribution", 2, "cpu", 1,
				"memory", 1, "gc", 1, "pools", 2, "lag", 1, "sweep", 2);
		charts.forEach((id, count) -> assertThat(count(sections.get(id), "<svg")).as(id).isEqualTo(count));
		assertThat(sections.values()).noneMatch(s -> s.contains("not measured in this run"));
	}

	@Test
	void htmlDrawsTheLatencyHistogramBucketByBucketLeavingOutEmptyOnes() {
		String distribution = sections(Reports.html(TestRuns.complete())).get("distribution");

		assertThat(distribution).contains("Requests of the measured window by latency").contains("20–50")
			.contains("2000–5000")
			.doesNotContain("≥ 20000");
		assertThat(sections(Reports.html(TestRuns.bare())).get("distribution"))
			.contains("No latency histogram in this report");
	}

	@Test
	void htmlEscapesEveryTextItShows() {
		String html = Reports.html(TestRuns.complete());

		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(html).doesNotContain("<script");
		assertThat(html).doesNotContain("alert(1)</");
	}

	@Test
	void htmlIsSelfContained() {
		String html = Reports.html(TestRuns.complete());

		assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
			.doesNotContain("url(").doesNotContain("@import");
		Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
		while (hrefs.find()) {
			assertThat(hrefs.group(1)).startsWith("#");
		}
	}

	@Test
	void htmlStatesTheRunsMetaAndTheLoadGeneratorShareFirst() {
		Map<String, String> sections = sections(Reports.html(TestRuns.complete()));

		String run = sections.get("run");
		assertThat(run).contains("class=\"callout\"").contains("<strong>18 %</strong>");
		assertThat(run.indexOf("callout")).isLessThan(run.indexOf("<table"));
		assertThat(run).contains("mix", "60 s", "10 s", "http://localhost:8080", "open model: 50 arrivals/s",
				"ramping to 80/s", "2 cores", "Linux 6.1 amd64", "async-checkout: sync", "catalog-cache: off");
	}

	@Test
	void htmlSummarisesEveryRequestTypeAndAll() {
		String summary = sections(Reports.html(TestRuns.complete())).get("summary");

		assertThat(summary).contains("<td>product page</td>", "<td>checkout</td>",
				"<tr class=\"all\"><td>all</td>", "status 503 × 3, timeout × 1", "p99.9 (ms)");
		assertThat(summary.indexOf("<td>checkout</td>")).isLessThan(summary.indexOf("<td>all</td>"));
	}

	@Test
	void htmlLabelsChartAxesWithUnits() {
		String html = Reports.html(TestRuns.complete());

		assertThat(html).contains("time since the run&#39;s start (s)", ">latency (ms)", ">throughput (requests/s)<",
				">errors (% of requests)<", ">CPU (% of one core)<", ">RSS (MiB)<", ">GC pauses (ms per second)<",
				">consumer lag (records)<", ">concurrency (users)<", ">acquire time (ms)<");
	}

	@Test
	void htmlStatesTheSystemAsAFractionOfTheLimits() {
		String limits = sections(Reports.html(TestRuns.complete())).get("limits");

		// 150 requests/s against nginx's 20 000
		assertThat(limits).contains("<td class=\"n\">0.75 %</td>");
		// p99 160 ms against the static file's 2.5 ms
		assertThat(limits).contains("<td class=\"n\">64 ×</td>");
		assertThat(limits).contains("pgbench -S");
	}

	@Test
	void htmlShowsTheSweepWithItsFitsAndKnee() {
		String sweep = sections(Reports.html(TestRuns.complete())).get("sweep");

		assertThat(sweep).contains("Knee: 16 users", "Amdahl fit", "USL fit", "measured", "N* = 21.8", "knee = 16",
				"SLO: p99 ≤ 200 ms", "0.002");
		assertThat(count(sweep, "<circle")).isGreaterThanOrEqualTo(7);
		assertThat(count(sweep, "<path d=\"M")).isGreaterThanOrEqualTo(3);
	}

	@Test
	void htmlSaysWhatTheRunDidNotMeasure() {
		Map<String, String> sections = sections(Reports.html(TestRuns.bare()));

		for (String id : List.of("cpu", "memory", "gc", "pools", "lag", "caching", "saturation", "limits", "sweep")) {
			assertThat(sections.get(id)).as(id).contains("not measured in this run").doesNotContain("<svg");
		}
		assertThat(count(sections.get("pools"), "not measured in this run")).isEqualTo(2);
		for (String id : List.of("latency", "throughput", "errors", "distribution")) {
			assertThat(sections.get(id)).as(id).contains("<svg").doesNotContain("not measured");
		}
	}

	@Test
	void htmlShowsEachCacheLayersHitRatioAndWhatReachedTheDatabase() {
		String caching = sections(Reports.html(TestRuns.complete())).get("caching");

		assertThat(caching).contains("<td>edge</td><td>edge</td><td>pages</td><td class=\"n\">900</td>")
			.contains("<td>near</td><td>catalog</td><td>catalog.near.products</td>")
			.contains("90 %")
			.contains("50 statements reached PostgreSQL for 1000 requests: 0.05 per request (bp_catalog 50)")
			.contains("20 were queries a request asked for")
			.contains("0.02 per request (bp_catalog 20)");
	}

	@Test
	void htmlSaysSoWhenThereIsNoTimelineEither() {
		LoadRun bare = TestRuns.bare();
		LoadRun empty = new LoadRun(bare.meta(), List.of(), List.of(), List.of(), List.of(), null, null, null, null);

		Map<String, String> sections = sections(Reports.html(empty));

		assertThat(sections.values()).allMatch(s -> !s.contains("<svg"));
		for (String id : List.of("summary", "latency", "throughput", "errors", "distribution")) {
			assertThat(sections.get(id)).as(id).contains("not measured in this run");
		}
	}

	@Test
	void comparesPerRequestTypeWithTheSignsOfChanges() {
		String table = Reports.compare(before(), after());

		assertThat(table).contains("product page", "checkout", TestRuns.HOSTILE_NAME, "all");
		assertThat(line(table, "product page")).contains("100", "120", "+20", "+20.0 %", "higher");
		assertThat(rowAfter(table, "product page", "p99 (ms)")).contains("80", "56", "-24", "-30.0 %", "faster");
		assertThat(rowAfter(table, "product page", "errors")).contains("4", "0", "-4", "-100.0 %", "fewer");
		assertThat(rowAfter(table, "checkout", "p99 (ms)")).contains("+2.0 %", "same");
		assertThat(rowAfter(table, "checkout", "p50 (ms)")).contains("+10.0 %", "slower");
		assertThat(rowAfter(table, TestRuns.HOSTILE_NAME, "errors")).endsWith("0.0 %  same");
		assertThat(table).contains("only in before: search").contains("only in after:  basket");
	}

	@Test
	void comparesTheSetup() {
		String table = Reports.compare(before(), after());

		assertThat(line(table, "profile")).contains("mix", "→", "browse");
		assertThat(line(table, "ablations")).contains("async-checkout: sync", "→", "none (every tactic on)");
		assertThat(line(table, "injection")).contains("50 arrivals/s", "→", "70 arrivals/s");
		assertThat(line(table, "target")).contains("same: http://localhost:8080");
	}

	@Test
	void comparisonColumnsLineUp() {
		String table = Reports.compare(before(), after());

		List<String> rows = table.lines().dropWhile(l -> !l.startsWith("request")).takeWhile(l -> !l.isBlank())
			.filter(l -> !l.startsWith("only in") && !l.startsWith("\"same\""))
			.toList();
		int verdict = rows.getFirst().indexOf("verdict");
		int changeEnds = rows.getFirst().indexOf("change %") + "change %".length();
		assertThat(rows).hasSize(1 + 5 * 4);
		for (String row : rows) {
			assertThat(row.charAt(verdict - 1)).as(row).isEqualTo(' ');
			assertThat(row.charAt(verdict)).as(row).isNotEqualTo(' ');
			assertThat(row.charAt(changeEnds - 1)).as(row).isNotEqualTo(' ');
		}
	}

	/** The complete run, with a request type the other run does not have. */
	private static LoadRun before() {
		LoadRun run = TestRuns.complete();
		List<RequestStats> requests = new ArrayList<>(run.requests());
		requests.add(new RequestStats("search", 10, 10, 0, 1, 1, 1, 1, 1, 1, 1, Map.of()));
		return new LoadRun(run.meta(), requests, run.timeline(), run.processes(), run.metrics(), run.saturation(),
				run.limits(), run.sweep(), run.histogram());
	}

	/**
	 * Another profile, rate and no ablations; the product page 20 % more throughput, 30 % lower p99 and no
	 * errors; checkout's p50 10 % slower and its p99 2 % (same); a request type the first run did not have.
	 */
	private static LoadRun after() {
		LoadRun run = TestRuns.complete();
		List<RequestStats> requests = new ArrayList<>();
		for (RequestStats r : run.requests()) {
			requests.add(switch (r.name()) {
				case "product page" -> new RequestStats(r.name(), 6000, 6000, 0, 120, r.p50Ms(), r.p90Ms(), 56,
						r.p999Ms(), r.maxMs(), r.meanMs(), Map.of());
				case "checkout" -> new RequestStats(r.name(), r.count(), r.ok(), r.ko(), r.rps(), 44, r.p90Ms(), 224.4,
						r.p999Ms(), r.maxMs(), r.meanMs(), r.errors());
				default -> r;
			});
		}
		requests.add(new RequestStats("basket", 10, 10, 0, 1, 1, 1, 1, 1, 1, 1, Map.of()));
		Meta m = run.meta();
		Meta meta = new Meta("run-after", "browse", m.startedAt(), m.durationSeconds(), m.warmupSeconds(), m.target(),
				new Injection("open", 70.0, null, List.of(), null, 1.0), m.machine(), m.loadGeneratorCpuShare(),
				Map.of());
		return new LoadRun(meta, requests, run.timeline(), run.processes(), run.metrics(), run.saturation(),
				run.limits(), run.sweep(), run.histogram());
	}

	private static Map<String, String> sections(String html) {
		Map<String, String> sections = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("<section id=\"([a-z]+)\">(.*?)</section>", Pattern.DOTALL).matcher(html);
		while (matcher.find()) {
			sections.put(matcher.group(1), matcher.group(2));
		}
		assertThat(sections.keySet()).containsExactlyElementsOf(SECTIONS.keySet());
		return sections;
	}

	private static int count(String text, String what) {
		int count = 0;
		for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
			count++;
		}
		return count;
	}

	private static String line(String text, String start) {
		return text.lines().filter(l -> l.stripLeading().startsWith(start)).findFirst().orElseThrow();
	}

	private static String rowAfter(String table, String request, String metric) {
		List<String> lines = table.lines().toList();
		int at = lines.indexOf(line(table, request));
		return lines.subList(at, lines.size()).stream().filter(l -> l.contains(metric)).findFirst().orElseThrow();
	}

}
