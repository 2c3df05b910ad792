package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.blueprintshop.launcher.ProcessSupervisor.Launched;
import com.blueprintshop.launcher.edge.EdgeConfig;
import com.blueprintshop.launcher.edge.Nginx;
import com.blueprintshop.launcher.edge.TlsMaterial;
import com.blueprintshop.launcher.infra.OsUser;

/**
 * Starts one component, records it in the run state the moment its process exists (so that
 * {@code down} can always find it), and waits until it is ready or gives up.
 */
final class Starter {

	private final Settings settings;

	private final Secrets secrets;

	private final StateStore store;

	private final PrintStream out;

	private final ComponentProbes probes;

	private volatile boolean refusing;

	Starter(Settings settings, Secrets secrets, StateStore store, PrintStream out) {
		this.settings = settings;
		this.secrets = secrets;
		this.store = store;
		this.out = out;
		this.probes = new ComponentProbes(settings.home(), secrets);
	}

	Settings settings() {
		return this.settings;
	}

	Secrets secrets() {
		return this.secrets;
	}

	StateStore store() {
		return this.store;
	}

	PrintStream out() {
		return this.out;
	}

	/** From now on nothing new is started: the run is being torn down. */
	void refuseNewStarts() {
		this.refusing = true;
	}

	/**
	 * Starts {@code command} for {@code planned}, waits until {@code ready} holds while its process
	 * lives, and records it ready. {@code since} (a {@link System#nanoTime()}) is when work on the
	 * component began, so preparation such as {@code initdb} counts towards its time to ready.
	 */
	ComponentState launch(ComponentState planned, List<String> command, Map<String, String> environment,
			Path workingDirectory, Await.Condition ready, long since) {
		Path log = this.settings.home().log(planned.name());
		if (this.refusing) {
			throw new LaunchFailed(planned.name(), "not started: the run is being stopped", log);
		}
		Launched launched = ProcessSupervisor.startDetached(command, environment, workingDirectory, log);
		ComponentState started = planned.started(launched.pid(), launched.start());
		this.store.update((state) -> state.with(started));
		try {
			Await.until(planned.name() + " to become ready", this.settings.readyTimeout(), () -> {
				if (!launched.process().isAlive()) {
					throw new Await.GaveUp("its process exited with code " + launched.process().exitValue());
				}
				return ready.holds();
			});
		}
		catch (Await.TimedOut | Await.GaveUp ex) {
			throw new LaunchFailed(planned.name(), ex.getMessage(), log);
		}
		return markReady(started, since);
	}

	ComponentState markReady(ComponentState component, long since) {
		ComponentState ready = component.ready(seconds(since));
		this.store.update((state) -> state.with(ready));
		progress(ready);
		return ready;
	}

	ComponentState startApplication(ComponentState planned, Endpoints endpoints) {
		long since = System.nanoTime();
		ComponentSpec spec = planned.spec();
		Path jar = spec.jar(this.settings.repo()).orElseThrow();
		java.util.Map<String, String> environment = new java.util.LinkedHashMap<>(
				Applications.environment(spec, planned.port(), endpoints, this.secrets));
		for (Tactic tactic : this.store.current().ablations()) {
			if (tactic.changes(spec)) {
				environment.putAll(tactic.environment());
			}
		}
		return launch(planned, Applications.command(this.settings, spec, jar), environment, this.settings.repo(),
				() -> this.probes.readyAndRegistered(planned, endpoints), since);
	}

	/** Writes and checks the nginx configuration for these storefront ports. */
	EdgeConfig installEdgeConfig(Nginx nginx, int httpsPort, int httpPort, List<Integer> storefrontPorts) {
		TlsMaterial tls = new TlsMaterial(this.settings.home().edge().resolve("tls"));
		tls.ensure();
		List<Integer> gatewayPorts = runningPorts((c) -> c.kind() == Kind.GATEWAY);
		List<Integer> identityPorts = runningPorts((c) -> c.name().equals("identity"));
		EdgeConfig config = new EdgeConfig(this.settings.home(),
				this.settings.repo().resolve("storefront/target/classes/static"), tls, httpsPort, httpPort,
				storefrontPorts, gatewayPorts, identityPorts, OsUser.currentIsRoot(), nginx.hasHttp2Directive(),
				!this.store.current().ablations().contains(Tactic.EDGE_CACHE), nginx.brotliModule());
		nginx.install(config);
		return config;
	}

	/** Ports of the components the edge proxies to, leaving out an instance a restart is replacing. */
	private List<Integer> runningPorts(java.util.function.Predicate<ComponentState> which) {
		return this.store.current()
			.components()
			.stream()
			.filter(which)
			.filter((c) -> !c.name().endsWith("(replaced)"))
			.map(ComponentState::port)
			.toList();
	}

	ComponentState startEdge(ComponentState planned, Nginx nginx, List<Integer> storefrontPorts) {
		long since = System.nanoTime();
		EdgeConfig config = installEdgeConfig(nginx, planned.port(), planned.ports().get(1), storefrontPorts);
		return launch(planned, nginx.command(config), Map.of(), this.settings.home().edge(),
				() -> this.probes.ready(planned), since);
	}

	/** Waits (within the ready timeout) until the component answers its readiness probe. */
	void awaitReady(ComponentState component, String description) {
		Await.until(description, this.settings.readyTimeout(), () -> this.probes.ready(component));
	}

	void progress(ComponentState component) {
		String line = String.format(Locale.ROOT, "  %-14s ready in %5.1f s  pid %-8s %s", component.name(),
				component.readySeconds(),
				(component.pid() != null) ? component.pid() : "-", component.url());
		if (component.portNote() != null && !component.portNote().isEmpty()) {
			line += "  (" + component.portNote() + ")";
		}
		this.out.println(line);
	}

	static double seconds(long sinceNanos) {
		return Math.round((System.nanoTime() - sinceNanos) / 1e8) / 10.0;
	}

}
