package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "up", mixinStandardHelpOptions = true,
		description = "Start everything and wait until each component is ready "
		+ "(builds missing jars first). Prints the components and the URL to open.")
final class UpCommand implements Callable<Integer> {

	enum Scope {

		infra

	}

	@ParentCommand
	private Blueprint blueprint;

	@Option(names = "--only", paramLabel = "infra",
			description = "Start only the infrastructure (PostgreSQL, Redis, Kafka, mail catcher), "
					+ "e.g. to run an application from the IDE against it.")
	private Scope only;

	@Option(names = "--without", paramLabel = "TACTIC", converter = TacticConverter.class,
			description = "Run without a tactic, to measure what it buys (repeatable): async-checkout "
					+ "(checkout runs the saga synchronously), db-pool (2 database connections per service instead of 10), "
					+ "http-cache (no ETag/304, nothing cacheable), edge-cache (nginx keeps no pages or images), "
					+ "near-cache (catalog and inventory without their in-process caches), redis-cache (catalog without the shared Redis cache).")
	private java.util.List<Tactic> without = new java.util.ArrayList<>();

	static final class TacticConverter implements picocli.CommandLine.ITypeConverter<Tactic> {

		@Override
		public Tactic convert(String value) {
			try {
				return Tactic.of(value);
			}
			catch (IllegalArgumentException ex) {
				throw new picocli.CommandLine.TypeConversionException(ex.getMessage());
			}
		}

	}

	@Override
	public Integer call() {
		Settings settings = this.blueprint.settings();
		PrintStream out = this.blueprint.out();
		BlueprintHome home = settings.home().createDirectories();
		try (RunLock lock = RunLock.acquire(home.lockFile())) {
			StateStore store = new StateStore(home.stateFile());
			long live = store.read().map(UpCommand::liveComponents).orElse(0L);
			if (live > 0) {
				out.println("Blueprint Shop is already running in " + home + " (" + live
						+ " components). Use ./blueprint status, or ./blueprint down first.");
				return 2;
			}
			boolean infrastructureOnly = this.only == Scope.infra;
			Launch.Plan plan;
			try {
				plan = Launch.plan(settings, infrastructureOnly, java.util.Set.copyOf(this.without));
			}
			catch (LaunchFailed ex) {
				this.blueprint.err().println("Cannot start: " + ex.getMessage());
				return 1;
			}
			Secrets secrets = Secrets.load(home.secretsFile());
			Starter starter = new Starter(settings, secrets, store, out);
			out.println("Starting Blueprint Shop in " + home + (infrastructureOnly ? " (infrastructure only)" : ""));
			for (Tactic tactic : plan.without()) {
				out.println("  without " + tactic.id() + ": " + tactic.description());
			}
			if (!infrastructureOnly && plan.nginx().isEmpty()) {
				out.println("nginx was not found (not on PATH, not at /usr/sbin/nginx): the storefront is served "
						+ "directly at its http URL, without the https edge.");
			}
			long since = System.nanoTime();
			Thread onInterrupt = new Thread(() -> {
				starter.refuseNewStarts();
				out.println("Interrupted: stopping what this run started");
				if (store.current() != null) {
					Shutdown.stopAll(store, settings.stopTimeout(), out);
					store.delete();
				}
			}, "blueprint-interrupted");
			Runtime.getRuntime().addShutdownHook(onInterrupt);
			try {
				RunState state = new Launch(starter).run(plan);
				Runtime.getRuntime().removeShutdownHook(onInterrupt);
				printSummary(out, state, Starter.seconds(since), infrastructureOnly);
				if (secrets.adminPasswordIsNew()) {
					out.println("Staff sign-in (shown this once; kept in " + home.secretsFile() + "): "
							+ Secrets.ADMIN_EMAIL + " / " + secrets.adminPassword());
				}
				return 0;
			}
			catch (RuntimeException ex) {
				LaunchFailed failed = (ex instanceof LaunchFailed launchFailed) ? launchFailed
						: new LaunchFailed("launcher", String.valueOf(ex), null);
				if (!removed(onInterrupt)) {
					return 130;
				}
				reportFailure(failed);
				out.println("Stopping what this run started:");
				Shutdown.Result result = Shutdown.stopAll(store, settings.stopTimeout(), out);
				if (result.survivors().isEmpty()) {
					store.delete();
				}
				return 1;
			}
		}
		catch (RunLock.Busy busy) {
			this.blueprint.err().println(busy.getMessage());
			return 2;
		}
	}

	static long liveComponents(RunState state) {
		return state.components().stream().filter(ProcessSupervisor::isRunning).count();
	}

	private static boolean removed(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
			return true;
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is stopping everything already
			return false;
		}
	}

	private void reportFailure(LaunchFailed failed) {
		PrintStream err = this.blueprint.err();
		err.println();
		err.println(failed.component() + " did not become ready: " + failed.getMessage());
		failed.printLogTail(err);
	}

	private static void printSummary(PrintStream out, RunState state, double seconds, boolean infrastructureOnly) {
		out.println();
		out.print(Table.render(Table.HEADERS, state.inStartOrder()
			.stream()
			.map((component) -> Table.row(component, component.external() ? "external" : "ready"))
			.toList()));
		out.println();
		if (infrastructureOnly) {
			out.printf(Locale.ROOT, "Infrastructure is up in %.1f s. Applications were not started (--only infra).%n",
					seconds);
			return;
		}
		Optional<ComponentState> edge = state.components().stream().filter((c) -> c.kind() == Kind.EDGE).findFirst();
		String open = edge.map(ComponentState::url)
			.or(() -> state.components()
				.stream()
				.filter((c) -> c.kind() == Kind.STOREFRONT)
				.map(ComponentState::url)
				.findFirst())
			.orElse("(no storefront)");
		out.printf(Locale.ROOT, "Blueprint Shop is up in %.1f s. Open %s%n", seconds, open);
		edge.ifPresent((e) -> out.println("(The certificate is signed by a local CA: trust " + state.home()
				+ "/edge/tls/ca.crt in your browser, or accept the warning once.)"));
	}

}
