package com.blueprintshop.perflab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.Machine;
import com.blueprintshop.perflab.model.Meta;
import com.blueprintshop.perflab.model.RequestStats;

import static com.blueprintshop.perflab.report.Format.num;
import static com.blueprintshop.perflab.report.Format.signed;

/**
 * Two runs side by side, for the terminal: what differed in how they were run, then per request
 * type (present in both) and for {@code all}, the change in throughput, latency and errors, each row
 * with its verdict. A change within {@value #SAME_WITHIN_PERCENT} % either way is "same": runs on a
 * shared machine differ by that much with nothing changed.
 */
final class Comparison {

	static final double SAME_WITHIN_PERCENT = 5;

	private static final String[] HEADER = { "request", "metric", "before", "after", "change", "change %",
			"verdict" };

	/** Columns aligned to the right: the numbers. */
	private static final Set<Integer> NUMERIC = Set.of(2, 3, 4, 5);

	private Comparison() {
	}

	private enum Better {

		HIGHER("higher", "lower"), LOWER("faster", "slower"), FEWER("fewer", "more");

		private final String improved;

		private final String worsened;

		Better(String improved, String worsened) {
			this.improved = improved;
			this.worsened = worsened;
		}

	}

	private record Metric(String label, ToDoubleFunction<RequestStats> value, Better better) {
	}

	private static final List<Metric> METRICS = List.of(new Metric("rps (req/s)", RequestStats::rps, Better.HIGHER),
			new Metric("p50 (ms)", RequestStats::p50Ms, Better.LOWER),
			new Metric("p99 (ms)", RequestStats::p99Ms, Better.LOWER),
			new Metric("p99.9 (ms)", RequestStats::p999Ms, Better.LOWER),
			new Metric("errors", r -> r.ko(), Better.FEWER));

	static String of(LoadRun before, LoadRun after) {
		Objects.requireNonNull(before, "before");
		Objects.requireNonNull(after, "after");
		StringBuilder out = new StringBuilder();
		out.append("before: ").append(title(before.meta())).append('\n');
		out.append("after:  ").append(title(after.meta())).append("\n\n");
		meta(out, before.meta(), after.meta());

		Map<String, RequestStats> was = byName(before);
		Map<String, RequestStats> now = byName(after);
		List<String> names = new ArrayList<>();
		for (String name : was.keySet()) {
			if (now.containsKey(name) && !HtmlReport.ALL.equals(name)) {
				names.add(name);
			}
		}
		if (was.containsKey(HtmlReport.ALL) && now.containsKey(HtmlReport.ALL)) {
			names.add(HtmlReport.ALL);
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADER);
		for (String name : names) {
			boolean firstOfRequest = true;
			for (Metric metric : METRICS) {
				rows.add(row(firstOfRequest ? name : "", metric, was.get(name), now.get(name)));
				firstOfRequest = false;
			}
		}
		out.append('\n');
		if (names.isEmpty()) {
			out.append("No request type is in both runs.\n");
		}
		else {
			table(out, rows);
		}
		Set<String> onlyBefore = new TreeSet<>(was.keySet());
		onlyBefore.removeAll(now.keySet());
		Set<String> onlyAfter = new TreeSet<>(now.keySet());
		onlyAfter.removeAll(was.keySet());
		if (!onlyBefore.isEmpty()) {
			out.append("only in before: ").append(String.join(", ", onlyBefore)).append('\n');
		}
		if (!onlyAfter.isEmpty()) {
			out.append("only in after:  ").append(String.join(", ", onlyAfter)).append('\n');
		}
		caching(out, before.caching(), after.caching());
		out.append("\"same\" means within ±").append(num(SAME_WITHIN_PERCENT)).append(" %.\n");
		return out.toString();
	}

	/** The cache layers' hit ratios and the database statements per request, where both runs read them. */
	private static void caching(StringBuilder out, com.blueprintshop.perflab.model.Caching was,
			com.blueprintshop.perflab.model.Caching now) {
		if (was == null || now == null) {
			return;
		}
		out.append('\n');
		if (was.statementsPerRequest() != null && now.statementsPerRequest() != null) {
			out.append("database statements per request: ").append(num(was.statementsPerRequest())).append(" → ")
				.append(num(now.statementsPerRequest())).append('\n');
		}
		if (was.queriesPerRequest() != null && now.queriesPerRequest() != null) {
			out.append("database queries per request: ").append(num(was.queriesPerRequest())).append(" → ")
				.append(num(now.queriesPerRequest())).append('\n');
		}
		Map<String, Double> before = ratios(was);
		Map<String, Double> after = ratios(now);
		Set<String> caches = new TreeSet<>(before.keySet());
		caches.addAll(after.keySet());
		for (String cache : caches) {
			out.append("hit ratio ").append(cache).append(": ").append(ratio(before.get(cache))).append(" → ")
				.append(ratio(after.get(cache))).append('\n');
		}
	}

	private static Map<String, Double> ratios(com.blueprintshop.perflab.model.Caching caching) {
		Map<String, Double> ratios = new java.util.LinkedHashMap<>();
		caching.layers().forEach((layer) -> ratios.put(layer.layer() + " " + layer.component() + " " + layer.cache(),
				layer.hitRatio()));
		return ratios;
	}

	private static String ratio(Double ratio) {
		return (ratio != null) ? num(ratio * 100) + " %" : "—";
	}

	private static String[] row(String name, Metric metric, RequestStats was, RequestStats now) {
		double a = metric.value().applyAsDouble(was);
		double b = metric.value().applyAsDouble(now);
		double change = b - a;
		String percent;
		String verdict;
		if (a == 0) {
			percent = (b == 0) ? "0.0 %" : "n/a";
			verdict = (b == 0) ? "same"
					: ((b > 0) == (metric.better() == Better.HIGHER)) ? metric.better().improved
							: metric.better().worsened;
		}
		else {
			double pct = 100 * change / Math.abs(a);
			String text = String.format(Locale.ROOT, "%+.1f %%", pct);
			percent = (text.equals("+0.0 %") || text.equals("-0.0 %")) ? "0.0 %" : text;
			if (Math.abs(pct) <= SAME_WITHIN_PERCENT) {
				verdict = "same";
			}
			else {
				boolean up = pct > 0;
				verdict = (up == (metric.better() == Better.HIGHER)) ? metric.better().improved
						: metric.better().worsened;
			}
		}
		return new String[] { name, metric.label(), num(a), num(b), signed(change), percent, verdict };
	}

	private static void table(StringBuilder out, List<String[]> rows) {
		int[] widths = new int[HEADER.length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				String pad = " ".repeat(widths[i] - row[i].length());
				line.append(NUMERIC.contains(i) ? pad + row[i] : row[i] + pad).append("  ");
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
	}

	private static void meta(StringBuilder out, Meta before, Meta after) {
		if (before == null || after == null) {
			out.append("setup: not recorded for ").append((before == null) ? "before" : "after").append('\n');
			return;
		}
		Map<String, String[]> facts = new LinkedHashMap<>();
		facts.put("profile", new String[] { before.profile(), after.profile() });
		facts.put("injection",
				new String[] { Format.injection(before.injection()), Format.injection(after.injection()) });
		facts.put("ablations",
				new String[] { HtmlReport.ablations(before.ablations()), HtmlReport.ablations(after.ablations()) });
		facts.put("duration", new String[] { num(before.durationSeconds()) + " s (warm-up "
				+ num(before.warmupSeconds()) + " s)",
				num(after.durationSeconds()) + " s (warm-up " + num(after.warmupSeconds()) + " s)" });
		facts.put("target", new String[] { before.target(), after.target() });
		facts.put("machine", new String[] { machine(before.machine()), machine(after.machine()) });
		facts.put("load generator CPU", new String[] { num(100 * before.loadGeneratorCpuShare()) + " %",
				num(100 * after.loadGeneratorCpuShare()) + " %" });
		int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0);
		out.append("setup:\n");
		facts.forEach((label, values) -> {
			out.append("  ").append(label).append(" ".repeat(width - label.length())).append("  ");
			if (Objects.equals(values[0], values[1])) {
				out.append("same: ").append(values[0]);
			}
			else {
				out.append(values[0]).append("  →  ").append(values[1]);
			}
			out.append('\n');
		});
	}

	private static String machine(Machine machine) {
		return (machine == null) ? "—"
				: machine.cores() + " cores, " + num(machine.memoryGiB()) + " GiB, " + machine.os() + ", Java "
						+ machine.java();
	}

	private static String title(Meta meta) {
		if (meta == null) {
			return "(no meta)";
		}
		return meta.id() + " (" + meta.profile() + ", started " + meta.startedAt() + ")";
	}

	private static Map<String, RequestStats> byName(LoadRun run) {
		Map<String, RequestStats> byName = new LinkedHashMap<>();
		for (RequestStats stats : HtmlReport.list(run.requests())) {
			byName.putIfAbsent(stats.name(), stats);
		}
		return byName;
	}

}
