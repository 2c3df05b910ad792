package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import com.blueprintshop.launcher.ProcessSupervisor.Outcome;
import com.blueprintshop.launcher.ProcessSupervisor.Signal;
import com.blueprintshop.launcher.edge.Nginx;

@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Replace an application instance without downtime: start a new process on "
		+ "a free port, wait until it is ready and registered, point the edge at it, then drain and stop the old one.")
final class RestartCommand implements Callable<Integer> {

	@ParentCommand
	private Blueprint blueprint;

	@Parameters(index = "0", paramLabel = "COMPONENT",
			description = "an application or instance, e.g. catalog, gateway, storefront-1")
	private String name;

	@Override
	public Integer call() {
		return restart(this.blueprint, this.name);
	}

	/** Restarts one application instance as {@code ./blueprint restart <name>} does. @return its exit code */
	static int restart(Blueprint blueprint, String name) {
		Settings settings = blueprint.settings();
		PrintStream out = blueprint.out();
		PrintStream err = blueprint.err();
		BlueprintHome home = settings.home();
		StateStore store = new StateStore(home.stateFile());
		if (store.read().isEmpty()) {
			out.println("Blueprint Shop is not running (no run in " + home + ").");
			return 3;
		}
		try (RunLock lock = RunLock.acquire(home.lockFile())) {
			RunState state = store.write(store.read().orElseThrow());
			List<String> restartable = state.components()
				.stream()
				.filter((c) -> c.kind().application())
				.map(ComponentState::name)
				.toList();
			Optional<ComponentState> found = state.component(name).filter((c) -> c.kind().application());
			if (found.isEmpty()) {
				err.println("Cannot restart '" + name + "': " + (restartable.isEmpty()
						? "no application runs (only applications can be restarted)."
						: "the applications that can be restarted are " + String.join(", ", restartable) + "."));
				return 2;
			}
			Starter starter = new Starter(settings, Secrets.load(home.secretsFile()), store, out);
			ComponentState old = found.get();
			try {
				return (old.kind() == Kind.DISCOVERY) ? restartInPlace(starter, old) : replace(starter, old);
			}
			catch (LaunchFailed failed) {
				err.println(failed.component() + " did not become ready: " + failed.getMessage());
				failed.printLogTail(err);
				return 1;
			}
		}
		catch (RunLock.Busy busy) {
			err.println(busy.getMessage());
			return 2;
		}
	}

	/** Start the new instance beside the old one; the old one leaves only once the new one serves. */
	private static int replace(Starter starter, ComponentState old) {
		Settings settings = starter.settings();
		StateStore store = starter.store();
		PrintStream out = starter.out();
		String replacedName = old.name() + " (replaced)";
		ComponentState replaced = rename(old, replacedName);
		store.update((state) -> state.without(old.name()).with(replaced));

		RunState state = store.current();
		forgetIfDead(old, state.endpoints(), out);
		Ports ports = new Ports(state.components().stream().flatMap((c) -> c.ports().stream()).collect(
				java.util.stream.Collectors.toSet()));
		int preferred = Topology.of(settings.storefrontInstances())
			.find(old.name())
			.map((spec) -> spec.preferredPorts().getFirst())
			.orElse(old.port());
		Ports.Choice choice = ports.choose(preferred);
		ComponentState planned = ComponentState.planned(old.spec(), List.of(choice.port()),
				Launch.url(old.kind(), List.of(choice.port())), "");
		out.println("Starting a new " + old.name() + " on port " + choice.port() + " beside pid " + old.pid() + " …");
		ComponentState fresh;
		try {
			fresh = starter.startApplication(planned, state.endpoints());
			if (behindTheEdge(old)) {
				repointEdge(starter);
			}
		}
		catch (RuntimeException ex) {
			rollBack(starter, old, replacedName);
			throw (ex instanceof LaunchFailed failed) ? failed
					: new LaunchFailed(old.name(), String.valueOf(ex.getMessage()), settings.home().log(old.name()));
		}
		long since = System.nanoTime();
		Outcome outcome = ProcessSupervisor.stop(replacedName, old.pid(), old.processStart(), Signal.TERM,
				settings.stopTimeout());
		store.update((s) -> s.without(replacedName));
		out.println(String.format(Locale.ROOT, "%s restarted: pid %d → %d, port %d → %d; the old instance %s.",
				old.name(), old.pid(), fresh.pid(), old.port(), fresh.port(), describe(outcome, Starter.seconds(since))));
		return 0;
	}

	/**
	 * A crashed instance stays in the registry until its lease runs out (15 s), and clients keep
	 * sending it requests that fail; one known to be dead is taken out now, so they stop at
	 * their next refresh while its replacement starts.
	 */
	private static void forgetIfDead(ComponentState old, Endpoints endpoints, PrintStream out) {
		if (ProcessSupervisor.isRunning(old) || !old.kind().registers() || endpoints.discoveryPort() == null) {
			return;
		}
		try {
			if (Readiness.deregisterFromEureka(endpoints.discoveryPort(), old.spec().eurekaName(),
					old.instanceId() + ":" + old.port())) {
				out.println(old.name() + " (pid " + old.pid() + ") is not running: taken out of the registry.");
			}
		}
		catch (java.io.IOException ex) {
			out.println("Could not take the dead " + old.name() + " out of the registry: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the new instance, if it got that far, and gives the old one back its place and its edge traffic. */
	private static void rollBack(Starter starter, ComponentState old, String replacedName) {
		StateStore store = starter.store();
		store.current()
			.component(old.name())
			.filter(ComponentState::hasProcess)
			.ifPresent((started) -> ProcessSupervisor.stop(started.name(), started.pid(), started.processStart(),
					Signal.TERM, starter.settings().stopTimeout()));
		store.update((s) -> s.without(old.name()).without(replacedName).with(old));
		if (behindTheEdge(old)) {
			try {
				repointEdge(starter);
			}
			catch (RuntimeException ex) {
				starter.out().println("Could not point the edge back at " + old.name() + ": " + ex.getMessage());
			}
		}
		starter.out().println("The old " + old.name() + " (pid " + old.pid() + ") keeps serving.");
	}

	/**
	 * The registry's address is in every client's configuration, so a new registry must take the old
	 * one's port: stop, then start. Clients re-register at their next heartbeat.
	 */
	private static int restartInPlace(Starter starter, ComponentState old) {
		Settings settings = starter.settings();
		StateStore store = starter.store();
		starter.out().println("Restarting " + old.name() + " in place (clients are configured with its port) …");
		ProcessSupervisor.stop(old.name(), old.pid(), old.processStart(), Signal.TERM, settings.stopTimeout());
		Await.within(old.name() + "'s port to be released", java.time.Duration.ofSeconds(10),
				() -> Ports.isFree(old.port()));
		ComponentState planned = ComponentState.planned(old.spec(), old.ports(), old.url(), "");
		ComponentState fresh = starter.startApplication(planned, store.current().endpoints());
		starter.out().printf("%s restarted: pid %d → %d, port %d.%n", old.name(), old.pid(), fresh.pid(), fresh.port());
		return 0;
	}

	/** Rewrites the edge's upstream list to the storefront instances now recorded, and reloads nginx. */
	/** The edge proxies to storefronts, gateways and identity by port: a new instance means a new config. */
	private static boolean behindTheEdge(ComponentState component) {
		return component.kind() == Kind.STOREFRONT || component.kind() == Kind.GATEWAY
				|| component.name().equals("identity");
	}

	/**
	 * Rewrites the edge's configuration for the run's current tactics and has nginx reload it, as
	 * {@code ./blueprint load --ablate edge-cache} does. @return the exit code
	 */
	static int reloadEdge(Blueprint blueprint) {
		Settings settings = blueprint.settings();
		StateStore store = new StateStore(settings.home().stateFile());
		try (RunLock lock = RunLock.acquire(settings.home().lockFile())) {
			store.write(store.read().orElseThrow());
			repointEdge(new Starter(settings, Secrets.load(settings.home().secretsFile()), store, blueprint.out()));
			return 0;
		}
		catch (LaunchFailed failed) {
			blueprint.err().println(failed.component() + " did not reload: " + failed.getMessage());
			failed.printLogTail(blueprint.err());
			return 1;
		}
		catch (RunLock.Busy busy) {
			blueprint.err().println(busy.getMessage());
			return 2;
		}
	}

	private static void repointEdge(Starter starter) {
		StateStore store = starter.store();
		Optional<ComponentState> edge = store.current()
			.components()
			.stream()
			.filter((c) -> c.kind() == Kind.EDGE)
			.filter(ProcessSupervisor::isRunning)
			.findFirst();
		if (edge.isEmpty()) {
			return;
		}
		Nginx nginx = Nginx.locate().orElseThrow(() -> new LaunchFailed("edge", "nginx is no longer installed", null));
		List<Integer> storefrontPorts = store.current()
			.components()
			.stream()
			.filter((c) -> c.kind() == Kind.STOREFRONT && !c.name().endsWith("(replaced)"))
			.map(ComponentState::port)
			.toList();
		starter.installEdgeConfig(nginx, edge.get().port(), edge.get().ports().get(1), storefrontPorts);
		ProcessHandle master = ProcessSupervisor.running(edge.get().pid(), edge.get().processStart()).orElseThrow();
		// HUP: nginx re-reads its configuration, starts new workers, and lets the old ones finish their requests
		ProcessSupervisor.signal(master, Signal.HUP);
		try {
			starter.awaitReady(edge.get(), "the edge to answer after the reload");
		}
		catch (Await.TimedOut | Await.GaveUp ex) {
			throw new LaunchFailed("edge", ex.getMessage(), starter.settings().home().log("edge-error"));
		}
		starter.out().println("  edge           now proxies to storefront ports " + storefrontPorts + " and the new instances");
	}

	private static ComponentState rename(ComponentState component, String name) {
		return new ComponentState(name, component.kind(), component.module(), component.app(), component.instanceId(),
				component.pid(), component.processStart(), component.ports(), component.url(), component.external(),
				component.startedByThisRun(), component.readySeconds(), component.portNote());
	}

	private static String describe(Outcome outcome, double seconds) {
		return switch (outcome) {
			case STOPPED -> String.format(Locale.ROOT, "drained and stopped in %.1f s", seconds);
			case KILLED -> "did not stop in time and was killed";
			case NOT_RUNNING -> "had already exited";
			case SURVIVED -> "is STILL RUNNING even after SIGKILL";
		};
	}

}
