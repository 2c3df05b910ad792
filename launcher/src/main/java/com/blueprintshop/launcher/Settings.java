package com.blueprintshop.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment tells the launcher: where the repository and the state live, the bounds it
 * waits within, and which infrastructure is provided from outside.
 */
public record Settings(Path repo, BlueprintHome home, Duration readyTimeout, Duration stopTimeout,
		int startParallelism, int storefrontInstances, Optional<String> externalPostgresUrl,
		Optional<String> externalRedisUrl, Optional<String> externalKafkaBootstrap, Optional<String> externalSmtp,
		Map<String, String> environment) {

	/**
	 * The root pom's {@code app.jvm.options}, which the AOT caches are trained with (a test keeps
	 * the two equal). C1 only ({@code TieredStopAtLevel=1}): a dozen JVMs starting on two cores
	 * spend most of their CPU in the C2 compiler; add {@code -XX:TieredStopAtLevel=4} to
	 * {@code BLUEPRINT_JVM_OPTS} for peak throughput at the cost of start-up.
	 */
	static final List<String> DEFAULT_APP_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:MaxMetaspaceSize=256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1");

	public static Settings from(Map<String, String> env, Path repo) {
		Path home = Optional.ofNullable(blankToNull(env.get("BLUEPRINT_HOME")))
			.map(Path::of)
			.orElse(repo.resolve(".blueprint"));
		return new Settings(repo.toAbsolutePath().normalize(), new BlueprintHome(home),
				Duration.ofSeconds(positive(env, "BLUEPRINT_READY_TIMEOUT_SECONDS", 120)),
				Duration.ofSeconds(positive(env, "BLUEPRINT_STOP_TIMEOUT_SECONDS", 30)),
				positive(env, "BLUEPRINT_START_PARALLELISM", 3), positive(env, "BLUEPRINT_STOREFRONT_INSTANCES", 2),
				optional(env, "BLUEPRINT_POSTGRES_URL"), optional(env, "BLUEPRINT_REDIS_URL"),
				optional(env, "BLUEPRINT_KAFKA_BOOTSTRAP"), optional(env, "BLUEPRINT_SMTP"), Map.copyOf(env));
	}

	/**
	 * JVM options for an application component: the defaults, then {@code BLUEPRINT_JVM_OPTS}, then
	 * {@code BLUEPRINT_JVM_OPTS_<APP>}; later options win in the JVM, so the specific ones override.
	 */
	public List<String> appJvmOptions(String app) {
		String specific = "BLUEPRINT_JVM_OPTS_" + app.toUpperCase(Locale.ROOT).replace('-', '_');
		return java.util.stream.Stream
			.of(DEFAULT_APP_JVM_OPTIONS, split(this.environment.get("BLUEPRINT_JVM_OPTS")),
					split(this.environment.get(specific)))
			.flatMap(List::stream)
			.toList();
	}

	/** The java executable running this launcher; every child JVM uses the same one. */
	public static Path javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/**
	 * The classpath the infrastructure JVMs run on: this module's jar and its lib directory, written
	 * with the wildcard so that command lines stay readable. Falls back to this JVM's own classpath
	 * when the launcher runs from classes (tests, an IDE).
	 */
	public static String launcherClasspath() {
		try {
			Path location = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path lib = location.resolveSibling("lib");
			if (Files.isRegularFile(location) && Files.isDirectory(lib)) {
				return location + java.io.File.pathSeparator + lib + java.io.File.separator + "*";
			}
		}
		catch (Exception ex) {
			// fall through to the JVM's own classpath
		}
		return System.getProperty("java.class.path");
	}

	static List<String> split(String options) {
		if (options == null || options.isBlank()) {
			return List.of();
		}
		return Arrays.stream(options.trim().split("\\s+")).toList();
	}

	private static int positive(Map<String, String> env, String name, int fallback) {
		String value = blankToNull(env.get(name));
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed > 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
	}

	private static Optional<String> optional(Map<String, String> env, String name) {
		return Optional.ofNullable(blankToNull(env.get(name))).map(String::trim);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
