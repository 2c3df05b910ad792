package com.blueprintshop.perflab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.blueprintshop.perflab.limits.LimitsProbe;
import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.shop.RunningSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Apply an open workload (users arrive at a rate) and write the report.")
final class RunCommand implements Callable<Integer> {

	@Option(names = "--home", required = true, description = "the system's BLUEPRINT_HOME")
	Path home;

	@Option(names = "--profile", required = true, description = "browse, buy, account, staff or mix")
	String profile;

	@Option(names = "--rate", description = "users arriving per second (default 1; the start of a ramp)")
	Double rate;

	@Option(names = "--ramp-to", description = "ramp the arrival rate from --rate to this over --duration")
	Double rampTo;

	@Option(names = "--steps", description = "arrival rates of equal steps over --duration, e.g. 2,4,8")
	String steps;

	@Option(names = "--duration", defaultValue = "60s", description = "the measured part (default ${DEFAULT-VALUE})")
	String duration;

	@Option(names = "--warmup", defaultValue = "10s",
			description = "load before the measured part, left out of the summary (default ${DEFAULT-VALUE})")
	String warmup;

	@Option(names = "--think", defaultValue = "1s", description = "pause between pages, ±50 %% (default ${DEFAULT-VALUE})")
	String think;

	@Option(names = "--target", description = "another base URL for the journeys; no process or metric sampling then")
	String target;

	@Option(names = "--out", description = "report folder (default <home>/load/<timestamp>-<profile>)")
	Path out;

	@Option(names = "--label", description = "a word for the report folder's name")
	String label;

	@Option(names = "--limits", description = "measure the machine's ceilings first and include them")
	boolean limits;

	@Option(names = "--max-errors", description = "exit 3 when more requests failed than this (default: unlimited)")
	Long maxErrors;

	@Option(names = "--shoppers", description = "shopper accounts to sign in with (default: sized from the rate)")
	Integer shoppers;

	private final PrintStream console;

	RunCommand(PrintStream console) {
		this.console = console;
	}

	@Override
	public Integer call() {
		RunPlan plan = RunPlan.of(this.profile, this.rate, this.rampTo, this.steps, this.duration, this.warmup,
				this.think);
		if (this.maxErrors != null && this.maxErrors < 0) {
			throw new UsageException("--max-errors must be 0 or more");
		}
		if (this.shoppers != null && (this.shoppers < 1 || this.shoppers > 5000)) {
			throw new UsageException("--shoppers must be between 1 and 5000");
		}
		if (this.target != null && !this.target.matches("^https?://[^/\\s]+$")) {
			throw new UsageException("--target is a base URL such as https://127.0.0.1:8443 (no path)");
		}
		RunningSystem system = RunningSystem.of(this.home);
		String baseUrl = (this.target != null) ? this.target : system.edgeUrl();
		boolean sample = this.target == null;
		Path outDirectory = Reporting.outDirectory(this.home, this.out, plan.profile().label(), this.label);
		Limits ceilings = null;
		if (this.limits) {
			ceilings = new LimitsProbe(system, this.console).measure();
		}
		this.console.printf(Locale.ROOT, "Load: %s, %s for %.0f s after a %.0f s warm-up, think %.1f s, against %s%n",
				plan.profile().label(), describe(plan), plan.durationSeconds(), plan.warmupSeconds(),
				plan.thinkSeconds(), baseUrl);
		Lab.Measured measured = Lab.apply(new Lab.Setup(system, baseUrl, sample, plan.profile(), plan.thinkSeconds(),
				outDirectory, "perf-lab run " + plan.profile().label(), (this.shoppers != null) ? this.shoppers : 0,
				plan.warmupSeconds()), plan.workload(), this.console);
		List<String> notes = new ArrayList<>();
		if (!sample) {
			notes.add("The load went to --target " + baseUrl
					+ ": no process or metric sampling (those belong to the system in " + this.home + ").");
		}
		notes.addAll(labNotes(measured));
		LoadRun run = Reporting.assemble(measured, outDirectory, plan.profile(), baseUrl, plan.injection(),
				plan.loadSeconds(), plan.warmupSeconds(), plan.loadSeconds(), ceilings, null, notes,
				sample ? system.ablations() : java.util.Map.of());
		Reporting.write(run, outDirectory, this.console);
		Summary.requests(this.console, run.requests(), plan.warmupSeconds(), plan.loadSeconds());
		Summary.outcomes(this.console, measured.outcomes().snapshot());
		Summary.saturation(this.console, run.saturation());
		Summary.caching(this.console, run.caching());
		if (ceilings != null) {
			Summary.limits(this.console, ceilings);
		}
		Reporting.paths(this.console, outDirectory, measured.gatlingReport());
		long failed = failed(run.requests().getFirst(), measured);
		if (this.maxErrors != null && failed > this.maxErrors) {
			throw new TooManyErrorsException(failed + " requests failed, more than --max-errors " + this.maxErrors);
		}
		return 0;
	}

	static long failed(RequestStats all, Lab.Measured measured) {
		return all.ko() + measured.recorder().crashes().size();
	}

	static List<String> labNotes(Lab.Measured measured) {
		List<String> notes = new ArrayList<>();
		notes.add(Lab.crossCheck(measured));
		if (!measured.outcomes().snapshot().isEmpty()) {
			notes.add("Journeys ended: " + measured.outcomes().snapshot() + ".");
		}
		if (!measured.recorder().crashes().isEmpty()) {
			notes.add(measured.recorder().crashes().size() + " requests could not be built and were not sent (first: "
					+ measured.recorder().crashes().getFirst().name() + ": "
					+ measured.recorder().crashes().getFirst().error() + ").");
		}
		if (measured.shoppers() != null && measured.shoppers().shared() > 0) {
			notes.add("The pool of " + measured.shoppers().size() + " shopper accounts ran out " + measured.shoppers().shared()
					+ " times and journeys shared an account: raise --shoppers.");
		}
		return notes;
	}

	private static String describe(RunPlan plan) {
		var injection = plan.injection();
		if (!injection.steps().isEmpty()) {
			return "steps " + injection.steps() + " users/s";
		}
		if (injection.rampToPerSecond() != null) {
			return String.format(Locale.ROOT, "%.1f → %.1f users/s", injection.ratePerSecond(),
					injection.rampToPerSecond());
		}
		return String.format(Locale.ROOT, "%.1f users/s", injection.ratePerSecond());
	}

}
