package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./blueprint}: runs the whole shop on this machine and answers for it. The script builds
 * what is missing, then starts this class.
 */
@Command(name = "blueprint", mixinStandardHelpOptions = true, versionProvider = Blueprint.Version.class,
		description = "Runs Blueprint Shop on this machine: PostgreSQL, Redis, Kafka, a mail catcher, "
				+ "the service registry, the services, the gateway, the storefront instances and an nginx edge.",
		subcommands = { UpCommand.class, StatusCommand.class, LogsCommand.class, RestartCommand.class,
				MailCommand.class, LoadCommand.class, ChaosCommand.class, DownCommand.class },
		synopsisSubcommandLabel = "COMMAND",
		footerHeading = "%nEnvironment:%n",
		footer = { "  BLUEPRINT_HOME                   state, data and logs (<repo>/.blueprint)",
				"  BLUEPRINT_READY_TIMEOUT_SECONDS  per component, to become ready (120)",
				"  BLUEPRINT_STOP_TIMEOUT_SECONDS   per component, to stop (30), then SIGKILL",
				"  BLUEPRINT_START_PARALLELISM      services started at once (3)",
				"  BLUEPRINT_STOREFRONT_INSTANCES   storefront instances (2)",
				"  BLUEPRINT_JVM_OPTS               extra JVM options, every application",
				"  BLUEPRINT_JVM_OPTS_<APP>         ... one application (_CATALOG, ...)",
				"  BLUEPRINT_POSTGRES_URL           external PostgreSQL (admin JDBC URL)",
				"  BLUEPRINT_REDIS_URL              external Redis (redis://host:port)",
				"  BLUEPRINT_KAFKA_BOOTSTRAP        external Kafka (host:port)",
				"  BLUEPRINT_SMTP                   external SMTP server (host:port)",
				"  An external component is checked and used, not started.", "",
				"Exit codes: 0 done, 1 failed, 2 refused or bad usage, 3 not (all) running." })
public final class Blueprint implements Runnable {

	@Spec
	private CommandSpec spec;

	private Settings settings;

	public static void main(String[] args) {
		quietClientLogging();
		CommandLine commandLine = new CommandLine(new Blueprint())
			.setExecutionExceptionHandler(Blueprint::reportFailure)
			.setCaseInsensitiveEnumValuesAllowed(true);
		System.exit(commandLine.execute(args));
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(out());
	}

	synchronized Settings settings() {
		if (this.settings == null) {
			this.settings = Settings.from(System.getenv(), repository());
		}
		return this.settings;
	}

	PrintStream out() {
		return System.out;
	}

	PrintStream err() {
		return System.err;
	}

	/** The repository: named by the script, else found from where this jar lies ({@code launcher/target}). */
	static Path repository() {
		Optional<Path> named = Optional.ofNullable(System.getProperty("blueprint.repo")).map(Path::of);
		if (named.isPresent()) {
			return named.get();
		}
		try {
			Path location = Path.of(Blueprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path repo = location.getParent().getParent().getParent();
			if (Files.isRegularFile(repo.resolve("launcher/pom.xml"))) {
				return repo;
			}
		}
		catch (Exception ex) {
			// fall back to the working directory
		}
		return Path.of("").toAbsolutePath();
	}

	/** The Kafka client in this JVM probes a broker that may not be up yet; its retries are not news. */
	private static void quietClientLogging() {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
				System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka",
				System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error"));
	}

	private static int reportFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
		commandLine.getErr().println("blueprint: " + ((ex.getMessage() != null) ? ex.getMessage() : ex.toString()));
		if (System.getenv("BLUEPRINT_DEBUG") != null) {
			ex.printStackTrace(commandLine.getErr());
		}
		return (ex instanceof IllegalArgumentException) ? 2 : 1;
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Blueprint.class.getPackage().getImplementationVersion();
			return new String[] { "blueprint " + ((version != null) ? version : "(development)") };
		}

	}

}
