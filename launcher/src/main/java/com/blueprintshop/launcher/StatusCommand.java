package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show every component with a live check: ready, not ready, dead or external.")
final class StatusCommand implements Callable<Integer> {

	@ParentCommand
	private Blueprint blueprint;

	@Override
	public Integer call() throws Exception {
		Settings settings = this.blueprint.settings();
		PrintStream out = this.blueprint.out();
		Optional<RunState> found = new StateStore(settings.home().stateFile()).read();
		if (found.isEmpty() || found.get().components().isEmpty()) {
			out.println("Blueprint Shop is not running (no run in " + settings.home() + ").");
			return 3;
		}
		RunState state = found.get();
		List<ComponentState> components = state.inStartOrder();
		ComponentProbes probes = new ComponentProbes(settings.home(), Secrets.load(settings.home().secretsFile()));
		List<Future<String>> checks;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			checks = components.stream().map((component) -> pool.submit(() -> check(component, probes))).toList();
		}
		List<String> states = checks.stream().map(Future::resultNow).toList();
		List<List<String>> rows = new java.util.ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			rows.add(Table.row(components.get(i), states.get(i)));
		}
		out.print(Table.render(Table.HEADERS, rows));
		out.println();
		long healthy = states.stream().filter((s) -> s.equals("ready") || s.equals("external")).count();
		out.printf("%d of %d components ready (run started %s, home %s)%n", healthy, states.size(), state.startedAt(),
				state.home());
		for (Tactic tactic : state.ablations()) {
			out.println("Running without " + tactic.id() + ": " + tactic.description());
		}
		return (healthy == states.size()) ? 0 : 3;
	}

	static String check(ComponentState component, ComponentProbes probes) {
		if (!component.external() && !ProcessSupervisor.isRunning(component)) {
			return "dead";
		}
		try {
			boolean ready = probes.ready(component);
			if (component.external()) {
				return ready ? "external" : "unreachable";
			}
			return ready ? "ready" : "not ready";
		}
		catch (Exception ex) {
			return component.external() ? "unreachable" : "not ready";
		}
	}

}
