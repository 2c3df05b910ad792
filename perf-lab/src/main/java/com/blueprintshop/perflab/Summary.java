package com.blueprintshop.perflab;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.Saturation;
import com.blueprintshop.perflab.model.Sweep;

/** The tables printed at the end of a run. */
final class Summary {

	private Summary() {
	}

	static void requests(PrintStream out, List<RequestStats> requests, double fromT, double toT) {
		out.printf(Locale.ROOT, "%nRequests sent from %.0f s to %.0f s (warm-up excluded); times in ms%n", fromT, toT);
		int width = Math.max(24, requests.stream().mapToInt((r) -> r.name().length()).max().orElse(0) + 1);
		String format = "%-" + width + "s %7s %6s %8s %7s %7s %7s %7s %7s %7s%n";
		out.printf(Locale.ROOT, format, "request", "count", "ko", "req/s", "p50", "p90", "p99", "p99.9", "max", "mean");
		for (RequestStats r : requests) {
			out.printf(Locale.ROOT, format, r.name(), r.count(), r.ko(), String.format(Locale.ROOT, "%.2f", r.rps()),
					ms(r.p50Ms()), ms(r.p90Ms()), ms(r.p99Ms()), ms(r.p999Ms()), ms(r.maxMs()),
					String.format(Locale.ROOT, "%.1f", r.meanMs()));
		}
		RequestStats all = requests.getFirst();
		if (!all.errors().isEmpty()) {
			out.println("Errors:");
			all.errors().forEach((kind, count) -> out.printf(Locale.ROOT, "  %6d  %s%n", count, kind));
		}
	}

	static void outcomes(PrintStream out, Map<String, Long> outcomes) {
		if (!outcomes.isEmpty()) {
			out.println("Journeys: " + String.join(", ",
					outcomes.entrySet().stream().map((e) -> e.getValue() + " " + e.getKey()).toList()));
		}
	}

	static void saturation(PrintStream out, Saturation saturation) {
		out.println("Saturated first: " + saturation.first());
		saturation.findings().forEach((f) -> out.println("  - " + f));
	}

	static void caching(PrintStream out, com.blueprintshop.perflab.model.Caching caching) {
		if (caching == null) {
			return;
		}
		out.printf(Locale.ROOT, "%nCaches (measured window)%n");
		for (com.blueprintshop.perflab.model.Caching.Layer layer : caching.layers()) {
			out.printf(Locale.ROOT, "  %-6s %-12s %-28s hits %8d  misses %8d  bypassed %8d  hit ratio %s%n",
					layer.layer(), layer.component(), layer.cache(), layer.hits(), layer.misses(), layer.bypassed(),
					(layer.hitRatio() != null) ? String.format(Locale.ROOT, "%.1f %%", layer.hitRatio() * 100) : "-");
		}
		if (caching.statementsPerRequest() != null) {
			out.printf(Locale.ROOT, "  PostgreSQL statements per request: %.4f %s%n", caching.statementsPerRequest(),
					caching.statements());
			out.printf(Locale.ROOT, "  of them queries per request (no transaction control, no relay polling): %.4f %s%n",
					caching.queriesPerRequest(), caching.queries());
		}
	}

	static void limits(PrintStream out, Limits limits) {
		out.printf(Locale.ROOT, "%nMachine ceilings%n");
		out.printf(Locale.ROOT, "  static file (nginx, TLS keep-alive)  %10.0f req/s  p99 %.2f ms%n",
				limits.staticFileRps(), limits.staticFileP99Ms());
		out.printf(Locale.ROOT, "  PostgreSQL primary-key select        %10.0f /s%n", limits.postgresSelectsPerSecond());
		out.printf(Locale.ROOT, "  Redis GET                            %10.0f /s%n", limits.redisGetsPerSecond());
		for (String method : limits.method().split("; ")) {
			out.println("  · " + method);
		}
	}

	static void sweep(PrintStream out, Sweep sweep) {
		out.printf(Locale.ROOT, "%nSweep (closed model)%n  %11s %12s %9s %7s%n", "concurrency", "throughput", "p99 ms",
				"errors");
		for (Sweep.Point p : sweep.points()) {
			out.printf(Locale.ROOT, "  %11d %12.2f %9.0f %7d%n", p.concurrency(), p.throughput(), p.p99Ms(), p.errors());
		}
		for (Sweep.Fit fit : new Sweep.Fit[] { sweep.amdahl(), sweep.usl() }) {
			if (fit != null) {
				out.printf(Locale.ROOT, "  %-6s λ=%.3f α=%.4f%s  peak %.1f req/s%s  R²=%.3f%n", fit.law(), fit.lambda(),
						fit.alpha(), (fit.beta() != null) ? String.format(Locale.ROOT, " β=%.5f", fit.beta()) : "",
						fit.peakThroughput(),
						(fit.peakConcurrency() != null) ? String.format(Locale.ROOT, " at N*=%.1f", fit.peakConcurrency())
								: "",
						fit.rSquared());
			}
		}
		out.printf(Locale.ROOT, "  knee (p99 ≤ %.0f ms, no errors): %s%n", sweep.sloP99Ms(),
				(sweep.kneeConcurrency() != null) ? sweep.kneeConcurrency() + " users" : "none");
	}

	private static String ms(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

}
