package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./blueprint load}: the performance lab against the running system. The lab itself
 * (journeys, sampling, the report) is the {@code perf-lab} module, run here as its own JVM so the
 * launcher stays light; this command finds it, hands it the run's state directory, and — for an
 * ablation — restarts the affected components without the tactic between two runs of the same
 * workload, then puts them back.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = { "Put the running shop under a stated load and write a report (HTML and JSON) of latency "
				+ "percentiles, throughput, errors and the saturation of every process.",
				"Workload options (passed to the lab): --profile browse|buy|account|staff|mix, --rate N (arrivals/s), "
						+ "--ramp-to N, --steps a,b,c, --duration 60s, --warmup 10s, --think 1s, --target URL, --out DIR, "
						+ "--max-errors N; with --sweep: --concurrency 1,2,4,8, --step 20s, --slo-p99 250ms.",
				"Examples: ./blueprint load --profile browse --rate 20 --duration 60s | ./blueprint load --limits "
						+ "| ./blueprint load --sweep --profile browse | ./blueprint load --ablate async-checkout --profile buy "
						+ "| ./blueprint load --compare A/report.json B/report.json" })
final class LoadCommand implements Callable<Integer> {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	@ParentCommand
	private Blueprint blueprint;

	@Option(names = "--limits", description = "First measure the machine's ceilings (a static file from nginx, a "
			+ "PostgreSQL select, a Redis GET) and state the results as a fraction of them.")
	private boolean limits;

	@Option(names = "--sweep", description = "Steps of increasing concurrency, the knee, and Amdahl's law and the "
			+ "Universal Scalability Law fitted to the throughput.")
	private boolean sweep;

	@Option(names = "--ablate", paramLabel = "TACTIC", converter = UpCommand.TacticConverter.class,
			description = "Run the same workload with and without a tactic (async-checkout, db-pool, http-cache, edge-cache, near-cache, redis-cache) and report the "
					+ "difference; the affected components are restarted without it, then put back.")
	private Tactic ablate;

	@Option(names = "--compare", arity = "2", paramLabel = "REPORT",
			description = "Print what changed between two runs (their report.json).")
	private List<Path> compare;

	@Unmatched
	private List<String> workload = new ArrayList<>();

	@Override
	public Integer call() throws IOException, InterruptedException {
		Settings settings = this.blueprint.settings();
		PrintStream err = this.blueprint.err();
		Path repo = settings.repo();
		if (!Files.isRegularFile(repo.resolve("perf-lab/target/perf-lab.jar"))) {
			err.println("The performance lab is not built: ./mvnw -q -pl perf-lab -am package -DskipTests");
			return 1;
		}
		if (this.compare != null) {
			return lab(List.of("compare", this.compare.get(0).toString(), this.compare.get(1).toString()));
		}
		if (new StateStore(settings.home().stateFile()).read().isEmpty() && !this.workload.contains("--target")) {
			err.println("Blueprint Shop is not running (no run in " + settings.home() + "): ./blueprint up first, "
					+ "or give --target <base URL> to load another system.");
			return 3;
		}
		if (this.ablate != null) {
			return ablation(this.ablate);
		}
		List<String> args = new ArrayList<>();
		args.add(this.sweep ? "sweep" : "run");
		args.addAll(home());
		if (this.limits) {
			args.add("--limits");
		}
		args.addAll(this.workload);
		return lab(args);
	}

	/**
	 * The workload as the system runs now, then without {@code tactic}, then the comparison; the
	 * components it changes are restarted each time (new instance first, as {@code restart} does).
	 */
	private int ablation(Tactic tactic) throws IOException, InterruptedException {
		PrintStream out = this.blueprint.out();
		StateStore store = new StateStore(this.blueprint.settings().home().stateFile());
		Set<Tactic> before = store.read().orElseThrow().ablations();
		if (before.contains(tactic)) {
			this.blueprint.err().println("The shop already runs without " + tactic.id()
					+ " (./blueprint up --without): there is nothing to compare it with.");
			return 2;
		}
		Path base = this.blueprint.settings().home().load()
			.resolve(LocalDateTime.now().format(STAMP) + "-ablate-" + tactic.id());
		Path with = base.resolve("with");
		Path without = base.resolve("without");
		out.println("1/3 The workload with " + tactic.id() + " …");
		int first = lab(runArgs(with, "with " + tactic.id()));
		if (first != 0) {
			return first;
		}
		Set<Tactic> ablated = EnumSet.copyOf(before.isEmpty() ? EnumSet.noneOf(Tactic.class) : before);
		ablated.add(tactic);
		int switched = switchTo(store, ablated, tactic, "without");
		int second = (switched == 0) ? lab(runArgs(without, "without " + tactic.id())) : switched;
		int restored = switchTo(store, before, tactic, "with");
		if (second != 0 || restored != 0) {
			return (second != 0) ? second : restored;
		}
		out.println("3/3 What " + tactic.id() + " buys (with → without):");
		return lab(List.of("compare", with.resolve("report.json").toString(), without.resolve("report.json").toString()));
	}

	private List<String> runArgs(Path out, String label) {
		List<String> args = new ArrayList<>(List.of("run"));
		args.addAll(home());
		args.addAll(List.of("--out", out.toString(), "--label", label));
		if (this.limits) {
			args.add("--limits");
		}
		args.addAll(this.workload);
		return args;
	}

	/** Records the ablations in the run's state and restarts every application instance they change. */
	private int switchTo(StateStore store, Set<Tactic> tactics, Tactic changed, String how) {
		PrintStream out = this.blueprint.out();
		// the restarts below (and the ones before, when tactics are put back) write the state
		// through stores of their own: start from what the file says, not from this store's copy
		store.refresh();
		store.update((state) -> state.without(tactics));
		List<String> affected = store.current()
			.components()
			.stream()
			.filter((c) -> c.kind().application() && changed.changes(c.spec()))
			.map(ComponentState::name)
			.toList();
		List<String> touched = new ArrayList<>(affected);
		if (changed.changesEdge()) {
			touched.add("the edge");
		}
		out.println((how.equals("without") ? "2/3 Restarting " : "Putting back ") + String.join(", ", touched) + " "
				+ how + " " + changed.id() + " …");
		for (String component : affected) {
			int restarted = RestartCommand.restart(this.blueprint, component);
			if (restarted != 0) {
				return restarted;
			}
		}
		if (changed.changesEdge()) {
			return RestartCommand.reloadEdge(this.blueprint);
		}
		return 0;
	}

	private List<String> home() {
		return List.of("--home", this.blueprint.settings().home().toString());
	}

	/** Runs the lab with the terminal as its own: its progress line and summary appear as it prints them. */
	private int lab(List<String> args) throws IOException, InterruptedException {
		Path repo = this.blueprint.settings().repo();
		// Gatling writes its simulation log through reflection into java.lang
		List<String> command = new ArrayList<>(List.of(Settings.javaExecutable().toString(), "-Xmx1g",
				"-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED",
				// Gatling's Netty uses Unsafe and native transports: allowed, without a warning each run
				"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
				repo.resolve("perf-lab/target/perf-lab.jar") + ":" + repo.resolve("perf-lab/target/lib") + "/*",
				"com.blueprintshop.perflab.LoadLab"));
		command.addAll(args);
		Process lab = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
		try {
			return lab.waitFor();
		}
		finally {
			if (lab.isAlive()) {
				lab.destroy();
			}
		}
	}

}
