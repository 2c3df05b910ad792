package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import com.blueprintshop.launcher.ProcessSupervisor.Signal;

/**
 * Failure drills on the running system, each aimed at one recorded process by its PID (checked
 * against its start time, so a reused PID is never hit) and bounded: {@code kill} is the crash
 * the course's reliability chapter designs for; {@code pause} freezes a process as a hung
 * machine or a long GC pause would, and always lets it go again.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
		description = "Break one component on purpose: kill it (SIGKILL, no shutdown), or pause it for a while.",
		subcommands = { ChaosCommand.Kill.class, ChaosCommand.Pause.class })
final class ChaosCommand implements Runnable {

	static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

	@ParentCommand
	Blueprint blueprint;

	@Override
	public void run() {
		this.blueprint.out().println("Say what to do: blueprint chaos kill <component> | chaos pause <component> --for 30s");
	}

	@Command(name = "kill", mixinStandardHelpOptions = true,
			description = "SIGKILL a component's process: no graceful shutdown, in-flight work is lost. "
					+ "An application comes back with 'blueprint restart <name>'.")
	static final class Kill implements Callable<Integer> {

		@ParentCommand
		ChaosCommand chaos;

		@Parameters(index = "0", paramLabel = "COMPONENT", description = "e.g. order, catalog, kafka, storefront-1")
		String name;

		@Override
		public Integer call() {
			PrintStream out = this.chaos.blueprint.out();
			Optional<ProcessHandle> process = target(this.chaos.blueprint, this.name);
			if (process.isEmpty()) {
				return 2;
			}
			long pid = process.get().pid();
			ProcessSupervisor.signal(process.get(), Signal.KILL);
			boolean gone = Await.within(this.name + " to die", Duration.ofSeconds(10),
					() -> !ProcessSupervisor.alive(process.get()));
			out.printf(Locale.ROOT, "%s (pid %d) %s.%n", this.name, pid,
					gone ? "was killed" : "did not die within 10 s of SIGKILL");
			return gone ? 0 : 1;
		}

	}

	@Command(name = "pause", mixinStandardHelpOptions = true,
			description = "Freeze a component (SIGSTOP) for a while, then let it go on (SIGCONT). "
					+ "Its connections stay open but nothing answers, like a hung machine.")
	static final class Pause implements Callable<Integer> {

		@ParentCommand
		ChaosCommand chaos;

		@Parameters(index = "0", paramLabel = "COMPONENT", description = "e.g. kafka, payment, gateway")
		String name;

		@Option(names = "--for", required = true, paramLabel = "DURATION",
				description = "how long, e.g. 30s or 2m (at most 10m)")
		String duration;

		@Override
		public Integer call() {
			PrintStream out = this.chaos.blueprint.out();
			PrintStream err = this.chaos.blueprint.err();
			Duration pause;
			try {
				pause = Duration.parse("PT" + this.duration.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				err.println("--for must be a duration such as 30s or 2m, not '" + this.duration + "'.");
				return 2;
			}
			if (pause.isNegative() || pause.isZero() || pause.compareTo(LONGEST_PAUSE) > 0) {
				err.println("--for must be more than 0 and at most " + LONGEST_PAUSE.toMinutes() + " minutes.");
				return 2;
			}
			Optional<ProcessHandle> process = target(this.chaos.blueprint, this.name);
			if (process.isEmpty()) {
				return 2;
			}
			List<ProcessHandle> family = Stream.concat(Stream.of(process.get()), process.get().descendants()).toList();
			// whatever happens to this command, the component is let go again
			Thread release = new Thread(() -> family.forEach((p) -> signalQuietly(p, Signal.CONT)));
			Runtime.getRuntime().addShutdownHook(release);
			family.forEach((p) -> ProcessSupervisor.signal(p, Signal.STOP));
			out.printf(Locale.ROOT, "%s (pid %d) paused for %d s …%n", this.name, process.get().pid(), pause.toSeconds());
			out.flush();
			try {
				// the drill is the waiting itself: there is no condition to poll for
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			family.forEach((p) -> signalQuietly(p, Signal.CONT));
			Runtime.getRuntime().removeShutdownHook(release);
			out.printf(Locale.ROOT, "%s (pid %d) resumed.%n", this.name, process.get().pid());
			return 0;
		}

		private static void signalQuietly(ProcessHandle process, Signal signal) {
			try {
				ProcessSupervisor.signal(process, signal);
			}
			catch (RuntimeException gone) {
				// it exited meanwhile: nothing to let go
			}
		}

	}

	/** The component's running process, or empty after saying why there is none. */
	static Optional<ProcessHandle> target(Blueprint blueprint, String name) {
		Settings settings = blueprint.settings();
		Optional<RunState> state = new StateStore(settings.home().stateFile()).read();
		if (state.isEmpty()) {
			blueprint.err().println("Blueprint Shop is not running (no run in " + settings.home() + ").");
			return Optional.empty();
		}
		Optional<ComponentState> component = state.get().component(name);
		if (component.isEmpty()) {
			blueprint.err().println("There is no component '" + name + "'; the components are "
					+ String.join(", ", state.get().components().stream().map(ComponentState::name).toList()) + ".");
			return Optional.empty();
		}
		if (component.get().external()) {
			blueprint.err().println(name + " is external (" + component.get().url() + "): not ours to break.");
			return Optional.empty();
		}
		Optional<ProcessHandle> process = ProcessSupervisor.running(component.get().pid(),
				component.get().processStart());
		if (process.isEmpty()) {
			blueprint.err().println(name + " is not running (pid " + component.get().pid() + " is gone).");
		}
		return process;
	}

}
