package com.blueprintshop.perflab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.blueprintshop.perflab.engine.Recorder;
import com.blueprintshop.perflab.fit.ScalabilityFits;
import com.blueprintshop.perflab.journey.Profile;
import com.blueprintshop.perflab.journey.Workload;
import com.blueprintshop.perflab.measure.Measurements;
import com.blueprintshop.perflab.model.Injection;
import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.Sweep;
import com.blueprintshop.perflab.shop.RunningSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep",
		description = "Closed-model steps of rising concurrency, with Amdahl's law and the USL fitted to them.")
final class SweepCommand implements Callable<Integer> {

	@Option(names = "--home", required = true, description = "the system's BLUEPRINT_HOME")
	Path home;

	@Option(names = "--profile", required = true, description = "browse, buy, account, staff or mix")
	String profile;

	@Option(names = "--concurrency", defaultValue = "1,2,4,8,16,32",
			description = "users at once, one step each (default ${DEFAULT-VALUE})")
	String concurrency;

	@Option(names = "--step", defaultValue = "20s", description = "how long each step lasts (default ${DEFAULT-VALUE})")
	String step;

	@Option(names = "--slo-p99", defaultValue = "250ms",
			description = "the p99 the knee is judged by (default ${DEFAULT-VALUE})")
	String sloP99;

	@Option(names = "--warmup", defaultValue = "10s",
			description = "at the first concurrency before the steps, left out (default ${DEFAULT-VALUE})")
	String warmup;

	@Option(names = "--think", defaultValue = "0s",
			description = "pause between pages (default ${DEFAULT-VALUE}: a sweep measures the system, not people)")
	String think;

	@Option(names = "--out", description = "report folder (default <home>/load/<timestamp>-sweep-<profile>)")
	Path out;

	@Option(names = "--label", description = "a word for the report folder's name")
	String label;

	@Option(names = "--shoppers", description = "shopper accounts to sign in with (default: sized from the concurrency)")
	Integer shoppers;

	private final PrintStream console;

	SweepCommand(PrintStream console) {
		this.console = console;
	}

	@Override
	public Integer call() {
		Profile chosen;
		try {
			chosen = Profile.of(this.profile);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--profile: " + ex.getMessage());
		}
		List<Integer> levels = Values.counts("--concurrency", this.concurrency);
		double stepSeconds = Values.positive("--step", Values.seconds("--step", this.step));
		double slo = Values.positive("--slo-p99", Values.seconds("--slo-p99", this.sloP99)) * 1000;
		double warm = Values.seconds("--warmup", this.warmup);
		double pause = Values.seconds("--think", this.think);
		RunningSystem system = RunningSystem.of(this.home);
		Path outDirectory = Reporting.outDirectory(this.home, this.out, "sweep-" + chosen.label(), this.label);
		List<Workload.Closed.Step> steps = new ArrayList<>();
		if (warm > 0) {
			steps.add(new Workload.Closed.Step(levels.getFirst(), warm));
		}
		levels.forEach((n) -> steps.add(new Workload.Closed.Step(n, stepSeconds)));
		Workload.Closed workload = new Workload.Closed(steps);
		int shopperCount = (this.shoppers != null) ? this.shoppers
				: chosen.needsShoppers() ? levels.stream().mapToInt(Integer::intValue).max().orElse(1) + 2 : 0;
		this.console.printf(Locale.ROOT, "Sweep: %s, concurrency %s, %.0f s each after a %.0f s warm-up, think %.1f s%n",
				chosen.label(), levels, stepSeconds, warm, pause);
		Lab.Measured measured = Lab.apply(new Lab.Setup(system, system.edgeUrl(), true, chosen, pause, outDirectory,
				"perf-lab sweep " + chosen.label(), shopperCount, warm), workload, this.console);
		Sweep sweep = sweep(measured.recorder(), levels, warm, stepSeconds, slo);
		double end = warm + stepSeconds * levels.size();
		Injection injection = new Injection("closed", null, null, levels.stream().map(Integer::doubleValue).toList(),
				levels.getLast(), pause);
		LoadRun run = Reporting.assemble(measured, outDirectory, chosen, system.edgeUrl(), injection, end, warm, end,
				null, sweep, RunCommand.labNotes(measured), system.ablations());
		Reporting.write(run, outDirectory, this.console);
		Summary.requests(this.console, run.requests(), warm, end);
		Summary.sweep(this.console, sweep);
		Summary.saturation(this.console, run.saturation());
		Reporting.paths(this.console, outDirectory, measured.gatlingReport());
		return 0;
	}

	/** Each step's throughput (requests sent in it per second), p99 and failures, and the laws fitted to them. */
	static Sweep sweep(Recorder recorder, List<Integer> levels, double warmupSeconds, double stepSeconds,
			double sloP99Ms) {
		List<Sweep.Point> points = new ArrayList<>();
		long start = recorder.runStartMillis();
		for (int i = 0; i < levels.size(); i++) {
			double from = warmupSeconds + i * stepSeconds;
			RequestStats all = Measurements
				.requests(recorder.samples(), start + Math.round(from * 1000),
						start + Math.round((from + stepSeconds) * 1000), stepSeconds)
				.getFirst();
			points.add(new Sweep.Point(levels.get(i), Math.round(all.rps() * 100) / 100.0, all.p99Ms(), all.ko()));
		}
		Sweep.Fit amdahl = fit(() -> ScalabilityFits.amdahl(points));
		Sweep.Fit usl = fit(() -> ScalabilityFits.usl(points));
		Integer knee;
		try {
			knee = ScalabilityFits.knee(points, sloP99Ms);
		}
		catch (RuntimeException ex) {
			knee = null;
		}
		return new Sweep(points, amdahl, usl, sloP99Ms, knee);
	}

	// too few points, or points no law fits, leave that law out of the report rather than fail the sweep
	private static Sweep.Fit fit(java.util.function.Supplier<Sweep.Fit> law) {
		try {
			return law.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
