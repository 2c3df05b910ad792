package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.blueprintshop.launcher.ProcessSupervisor.Outcome;
import com.blueprintshop.launcher.ProcessSupervisor.Signal;

/**
 * Stops the components of a run in reverse start order: edge, storefronts, gateway, services,
 * discovery, then the infrastructure. Components of one stage stop together. Each gets its
 * graceful signal, then SIGKILL after the stop timeout; each leaves the run state as it goes.
 */
final class Shutdown {

	/** What stopping found and did. */
	record Result(int stopped, int alreadyGone, List<String> survivors, List<Integer> busyPorts, Duration took) {

		boolean clean() {
			return this.survivors.isEmpty() && this.busyPorts.isEmpty();
		}

	}

	private Shutdown() {
	}

	static Result stopAll(StateStore store, Duration timeout, PrintStream out) {
		long since = System.nanoTime();
		RunState state = store.current();
		Map<Integer, List<ComponentState>> stages = new TreeMap<>(Collections.reverseOrder());
		for (ComponentState component : state.inStopOrder()) {
			if (!component.external()) {
				stages.computeIfAbsent(component.kind().stage(), (stage) -> new ArrayList<>()).add(component);
			}
		}
		List<Integer> ports = new ArrayList<>();
		List<String> survivors = new ArrayList<>();
		int stopped = 0;
		int gone = 0;
		for (List<ComponentState> stage : stages.values()) {
			List<Future<Outcome>> outcomes;
			// closing the executor waits for every stop of the stage
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				outcomes = stage.stream()
					.map((component) -> pool.submit(() -> stop(component, timeout, store, out)))
					.toList();
			}
			for (int i = 0; i < stage.size(); i++) {
				ports.addAll(stage.get(i).ports());
				Future<Outcome> outcome = outcomes.get(i);
				if (outcome.state() != Future.State.SUCCESS) {
					survivors.add(stage.get(i).name() + " (" + outcome.exceptionNow().getMessage() + ")");
					continue;
				}
				switch (outcome.resultNow()) {
					case STOPPED, KILLED -> stopped++;
					case NOT_RUNNING -> gone++;
					case SURVIVED -> survivors.add(stage.get(i).name());
				}
			}
		}
		List<Integer> busy = new ArrayList<>();
		if (!ports.isEmpty()) {
			// a listener closes with its process, but a port can stay bound for a moment after exit
			Await.within("ports to be released", Duration.ofSeconds(5),
					() -> ports.stream().allMatch(Ports::isFree));
			ports.stream().filter((port) -> !Ports.isFree(port)).forEach(busy::add);
		}
		return new Result(stopped, gone, List.copyOf(survivors), busy, Duration.ofNanos(System.nanoTime() - since));
	}

	private static Outcome stop(ComponentState component, Duration timeout, StateStore store, PrintStream out) {
		long since = System.nanoTime();
		Outcome outcome = ProcessSupervisor.stop(component.name(), component.pid(), component.processStart(),
				gracefulSignal(component.kind()), timeout);
		double seconds = Starter.seconds(since);
		String line = switch (outcome) {
			case STOPPED -> String.format(Locale.ROOT, "stopped in %.1f s", seconds);
			case KILLED -> "did not stop within %d s after SIG%s; killed".formatted(timeout.toSeconds(),
					gracefulSignal(component.kind()));
			case NOT_RUNNING -> "was not running";
			case SURVIVED -> "STILL RUNNING even after SIGKILL";
		};
		out.println(String.format(Locale.ROOT, "  %-14s pid %-8s %s", component.name(), component.pid(), line));
		if (outcome != Outcome.SURVIVED) {
			store.update((state) -> state.without(component.name()));
		}
		return outcome;
	}

	/** PostgreSQL: SIGINT is its "fast" shutdown. nginx: SIGQUIT lets workers finish their requests. */
	static Signal gracefulSignal(Kind kind) {
		return switch (kind) {
			case POSTGRES -> Signal.INT;
			case EDGE -> Signal.QUIT;
			default -> Signal.TERM;
		};
	}

}
