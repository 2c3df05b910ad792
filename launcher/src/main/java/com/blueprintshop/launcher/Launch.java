package com.blueprintshop.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.blueprintshop.launcher.edge.Nginx;
import com.blueprintshop.launcher.infra.KafkaRunner;
import com.blueprintshop.launcher.infra.MailRunner;
import com.blueprintshop.launcher.infra.PostgresRunner;
import com.blueprintshop.launcher.infra.RedisRunner;

/**
 * The start-up sequence of {@code up}: infrastructure in parallel, then discovery, the services
 * (a few at a time), the gateway, the storefront instances and the edge, each waited on before
 * whatever depends on it starts.
 */
final class Launch {

	/** How long external infrastructure gets to answer before {@code up} gives up on it. */
	private static final Duration EXTERNAL_TIMEOUT = Duration.ofSeconds(10);

	private final Starter starter;

	private final Settings settings;

	private final StateStore store;

	private final Map<String, ComponentState> planned = new LinkedHashMap<>();

	private final Ports ports = new Ports();

	Launch(Starter starter) {
		this.starter = starter;
		this.settings = starter.settings();
		this.store = starter.store();
	}

	/** What {@code up} will start, before anything runs: fails early on missing jars. */
	record Plan(List<ComponentSpec> components, Optional<Nginx> nginx, java.util.Set<Tactic> without) {

	}

	static Plan plan(Settings settings, boolean infrastructureOnly) {
		return plan(settings, infrastructureOnly, java.util.Set.of());
	}

	static Plan plan(Settings settings, boolean infrastructureOnly, java.util.Set<Tactic> without) {
		Topology topology = Topology.of(settings.storefrontInstances());
		Optional<Nginx> nginx = infrastructureOnly ? Optional.empty() : Nginx.locate();
		List<ComponentSpec> components = topology.components()
			.stream()
			.filter((spec) -> spec.kind().infrastructure() || !infrastructureOnly)
			.filter((spec) -> spec.kind() != Kind.EDGE || nginx.isPresent())
			.toList();
		List<String> missing = components.stream()
			.flatMap((spec) -> spec.jar(settings.repo()).stream())
			.distinct()
			.filter((jar) -> !Files.isRegularFile(jar))
			.map((jar) -> settings.repo().relativize(jar).toString())
			.toList();
		if (!missing.isEmpty()) {
			throw new LaunchFailed("build", "missing " + String.join(", ", missing)
					+ ". Build them with ./mvnw -DskipTests package (./blueprint does that when it finds them missing).",
					null);
		}
		return new Plan(components, nginx, without);
	}

	RunState run(Plan plan) {
		this.store.write(RunState.begin(this.settings.home(), Instant.now()).without(plan.without()));
		for (ComponentSpec spec : plan.components()) {
			this.planned.put(spec.name(), planned(spec));
		}
		Optional.ofNullable(this.planned.get("discovery"))
			.ifPresent((discovery) -> this.store
				.update((state) -> state.withEndpoints((e) -> e.withDiscovery(discovery.port()))));
		Optional.ofNullable(this.planned.get("edge"))
			.ifPresent((edge) -> this.store.update((state) -> state.withEndpoints((e) -> e.withEdge(edge.port()))));
		inParallel(ofKind(plan, Kind.POSTGRES, Kind.REDIS, Kind.KAFKA, Kind.MAIL), 4, this::startInfrastructure);
		ofKind(plan, Kind.DISCOVERY).forEach(this::startApplication);
		inParallel(ofKind(plan, Kind.SERVICE), this.settings.startParallelism(), this::startApplication);
		ofKind(plan, Kind.GATEWAY).forEach(this::startApplication);
		List<ComponentSpec> storefronts = ofKind(plan, Kind.STOREFRONT);
		inParallel(storefronts, Math.max(1, storefronts.size()), this::startApplication);
		for (ComponentSpec edge : ofKind(plan, Kind.EDGE)) {
			List<Integer> storefrontPorts = storefronts.stream()
				.map((spec) -> this.planned.get(spec.name()).port())
				.toList();
			attempt(edge, () -> this.starter.startEdge(this.planned.get(edge.name()), plan.nginx().orElseThrow(),
					storefrontPorts));
		}
		return this.store.current();
	}

	/** Whatever goes wrong while starting a component is that component's failure, with its log. */
	private void attempt(ComponentSpec spec, Runnable start) {
		try {
			start.run();
		}
		catch (LaunchFailed ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new LaunchFailed(spec.name(), String.valueOf(ex.getMessage()), this.settings.home().log(spec.name()));
		}
	}

	private ComponentState planned(ComponentSpec spec) {
		List<Integer> chosen = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (int preferred : spec.preferredPorts()) {
			Ports.Choice choice = this.ports.choose(preferred);
			chosen.add(choice.port());
			if (choice.moved()) {
				notes.add(choice.note());
			}
		}
		return ComponentState.planned(spec, chosen, url(spec.kind(), chosen), String.join("; ", notes));
	}

	static String url(Kind kind, List<Integer> ports) {
		int port = ports.getFirst();
		return switch (kind) {
			case POSTGRES -> PostgresRunner.jdbcUrl("127.0.0.1", port, "");
			case REDIS -> RedisRunner.url(port);
			case KAFKA -> "PLAINTEXT://" + KafkaRunner.bootstrap(port);
			case MAIL -> "smtp://127.0.0.1:" + port;
			case EDGE -> "https://localhost:" + port + "/";
			default -> Applications.baseUrl(port);
		};
	}

	private void startInfrastructure(ComponentSpec spec) {
		attempt(spec, () -> {
			switch (spec.kind()) {
				case POSTGRES -> startPostgres(spec);
				case REDIS -> startRedis(spec);
				case KAFKA -> startKafka(spec);
				case MAIL -> startMail(spec);
				default -> throw new IllegalArgumentException(spec.name() + " is not infrastructure");
			}
		});
	}

	private void startPostgres(ComponentSpec spec) {
		long since = System.nanoTime();
		Map<String, String> rolePasswords = new LinkedHashMap<>();
		Topology.SERVICES.forEach((service) -> rolePasswords.put("bp_" + service,
				this.starter.secrets().databasePassword("bp_" + service)));
		Optional<String> external = this.settings.externalPostgresUrl();
		if (external.isPresent()) {
			String adminUrl = external.get();
			URI uri = URI.create(adminUrl.replaceFirst("^jdbc:", ""));
			int port = (uri.getPort() > 0) ? uri.getPort() : 5432;
			ComponentState component = ComponentState.external(spec, List.of(port),
					PostgresRunner.jdbcUrl(uri.getHost(), port, ""));
			awaitExternal(component, "BLUEPRINT_POSTGRES_URL", () -> Readiness.postgres(adminUrl, null, null));
			provision(spec, adminUrl, null, null, rolePasswords);
			this.store.update((state) -> state.withEndpoints((e) -> e.withPostgres(uri.getHost(), port)));
			this.starter.markReady(recordExternal(component), since);
			return;
		}
		ComponentState planned = this.planned.get(spec.name());
		PostgresRunner postgres = new PostgresRunner(this.settings.home());
		String password = this.starter.secrets().postgresSuperuserPassword();
		postgres.prepare(password, this.settings.home().log(spec.name()));
		String adminUrl = PostgresRunner.jdbcUrl("127.0.0.1", planned.port(), "postgres");
		ComponentState running = this.starter.launch(planned, postgres.command(planned.port()), Map.of(),
				this.settings.home().postgres(), () -> Readiness.postgres(adminUrl, PostgresRunner.SUPERUSER, password),
				since);
		provision(spec, adminUrl, PostgresRunner.SUPERUSER, password, rolePasswords);
		this.store.update((state) -> state.withEndpoints((e) -> e.withPostgres("127.0.0.1", running.port())));
	}

	private void provision(ComponentSpec spec, String adminUrl, String user, String password,
			Map<String, String> rolePasswords) {
		try {
			PostgresRunner.provision(adminUrl, user, password, rolePasswords);
		}
		catch (SQLException ex) {
			throw new LaunchFailed(spec.name(), "cannot create the services' roles and databases: " + ex.getMessage(),
					this.settings.home().log(spec.name()));
		}
	}

	private void startRedis(ComponentSpec spec) {
		long since = System.nanoTime();
		Optional<String> external = this.settings.externalRedisUrl();
		if (external.isPresent()) {
			URI uri = URI.create(external.get());
			int port = (uri.getPort() > 0) ? uri.getPort() : 6379;
			ComponentState component = ComponentState.external(spec, List.of(port),
					"redis://" + uri.getHost() + ":" + port);
			awaitExternal(component, "BLUEPRINT_REDIS_URL", () -> Readiness.redis(external.get()));
			this.store.update((state) -> state.withEndpoints((e) -> e.withRedis(external.get())));
			this.starter.markReady(recordExternal(component), since);
			return;
		}
		ComponentState planned = this.planned.get(spec.name());
		RedisRunner redis = new RedisRunner(this.settings.home());
		redis.prepare();
		String url = RedisRunner.url(planned.port());
		this.starter.launch(planned, redis.command(planned.port()), Map.of(), this.settings.home().redis(),
				() -> Readiness.redis(url), since);
		this.store.update((state) -> state.withEndpoints((e) -> e.withRedis(url)));
	}

	private void startKafka(ComponentSpec spec) {
		long since = System.nanoTime();
		Optional<String> external = this.settings.externalKafkaBootstrap();
		if (external.isPresent()) {
			HostPort address = HostPort.parse(external.get().split(",")[0], 9092);
			ComponentState component = ComponentState.external(spec, List.of(address.port()),
					"PLAINTEXT://" + external.get());
			awaitExternal(component, "BLUEPRINT_KAFKA_BOOTSTRAP", () -> Readiness.kafka(external.get()));
			this.store.update((state) -> state.withEndpoints((e) -> e.withKafka(external.get())));
			this.starter.markReady(recordExternal(component), since);
			return;
		}
		ComponentState planned = this.planned.get(spec.name());
		KafkaRunner kafka = new KafkaRunner(this.settings.home(), Settings.javaExecutable(), Settings.launcherClasspath());
		kafka.prepare(planned.port(), planned.ports().get(1), this.settings.home().log(spec.name()));
		String bootstrap = KafkaRunner.bootstrap(planned.port());
		this.starter.launch(planned, kafka.command(), Map.of(), this.settings.home().kafka(),
				() -> Readiness.kafka(bootstrap), since);
		this.store.update((state) -> state.withEndpoints((e) -> e.withKafka(bootstrap)));
	}

	private void startMail(ComponentSpec spec) {
		long since = System.nanoTime();
		Optional<String> external = this.settings.externalSmtp();
		if (external.isPresent()) {
			HostPort address = HostPort.parse(external.get(), 25);
			ComponentState component = ComponentState.external(spec, List.of(address.port()),
					"smtp://" + address.host() + ":" + address.port());
			awaitExternal(component, "BLUEPRINT_SMTP", () -> Readiness.tcp(address.host(), address.port()));
			this.store.update((state) -> state.withEndpoints((e) -> e.withMail(address.host(), address.port(), null)));
			this.starter.markReady(recordExternal(component), since);
			return;
		}
		ComponentState planned = this.planned.get(spec.name());
		MailRunner mail = new MailRunner(this.settings.home(), Settings.javaExecutable(), Settings.launcherClasspath());
		String health = MailRunner.healthUrl(planned.ports().get(1));
		this.starter.launch(planned, mail.command(planned.port(), planned.ports().get(1)), Map.of(),
				this.settings.home().root(), () -> Readiness.httpOk(health), since);
		this.store.update((state) -> state
			.withEndpoints((e) -> e.withMail("127.0.0.1", planned.port(), planned.ports().get(1))));
	}

	private void startApplication(ComponentSpec spec) {
		attempt(spec, () -> this.starter.startApplication(this.planned.get(spec.name()), this.store.current().endpoints()));
	}

	private void awaitExternal(ComponentState component, String variable, Await.Condition reachable) {
		try {
			Await.until(component.name() + " at " + component.url() + " (" + variable + ") to answer", EXTERNAL_TIMEOUT,
					reachable);
		}
		catch (Await.TimedOut | Await.GaveUp ex) {
			throw new LaunchFailed(component.name(),
					"external " + component.name() + " is not reachable: " + ex.getMessage(), null);
		}
	}

	private ComponentState recordExternal(ComponentState component) {
		this.store.update((state) -> state.with(component));
		return component;
	}

	/**
	 * Starts each component on its own thread, at most {@code parallelism} at once. The first failure
	 * cancels the others (their processes are in the run state already, for the caller to stop).
	 */
	private void inParallel(List<ComponentSpec> specs, int parallelism, Consumer<ComponentSpec> start) {
		if (specs.isEmpty()) {
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(parallelism, Thread.ofVirtual().name("start-", 0).factory());
		try {
			CompletionService<ComponentSpec> completions = new ExecutorCompletionService<>(pool);
			specs.forEach((spec) -> completions.submit(() -> {
				start.accept(spec);
				return spec;
			}));
			for (int i = 0; i < specs.size(); i++) {
				Future<ComponentSpec> done = completions.take();
				try {
					done.get();
				}
				catch (ExecutionException ex) {
					this.starter.refuseNewStarts();
					throw (ex.getCause() instanceof LaunchFailed failed) ? failed
							: new LaunchFailed("launcher", String.valueOf(ex.getCause()), null);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchFailed("launcher", "interrupted", null);
		}
		finally {
			pool.shutdownNow();
			awaitTermination(pool);
		}
	}

	/** The cancelled starts must have finished before the caller stops what the run state lists. */
	private static void awaitTermination(ExecutorService pool) {
		try {
			if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
				System.err.println("some start-up tasks did not finish; ./blueprint down will stop what they started");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<ComponentSpec> ofKind(Plan plan, Kind... kinds) {
		List<Kind> wanted = List.of(kinds);
		return plan.components().stream().filter((spec) -> wanted.contains(spec.kind())).toList();
	}

}
