package com.blueprintshop.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One component of the topology as planned, before anything runs.
 * @param name unique name, also the log file name ({@code catalog}, {@code storefront-2})
 * @param kind what it is
 * @param preferredPorts the ports it gets unless they are taken (the first one is its main port)
 * @param module for applications, the Maven module directory ({@code services/catalog})
 * @param app for applications, {@code spring.application.name}; Eureka lists it upper-cased
 * @param instanceId the id the instance registers under ({@code catalog-1})
 */
public record ComponentSpec(String name, Kind kind, List<Integer> preferredPorts, Optional<String> module,
		Optional<String> app, String instanceId) {

	public static ComponentSpec infrastructure(String name, Kind kind, Integer... ports) {
		return new ComponentSpec(name, kind, List.of(ports), Optional.empty(), Optional.empty(), name);
	}

	public static ComponentSpec application(String name, Kind kind, int port, String module, String app,
			String instanceId) {
		return new ComponentSpec(name, kind, List.of(port), Optional.of(module), Optional.of(app), instanceId);
	}

	/** The executable jar Spring Boot's repackage writes: {@code <module>/target/<app>-exec.jar}. */
	public Optional<Path> jar(Path repo) {
		return this.module.map((dir) -> repo.resolve(dir).resolve("target").resolve(artifactName() + "-exec.jar"));
	}

	public String eurekaName() {
		return this.app.orElse(this.name).toUpperCase(Locale.ROOT);
	}

	/** The name of the component's own JVM option variable suffix: instances share their app's. */
	public String jvmOptionsKey() {
		return this.app.orElse(this.name);
	}

	/** Services own a database {@code bp_<app>}, and a role of the same name. */
	public Optional<String> database() {
		return (this.kind == Kind.SERVICE) ? this.app.map((app) -> "bp_" + app) : Optional.empty();
	}

	private String artifactName() {
		String dir = this.module.orElseThrow();
		return dir.substring(dir.lastIndexOf('/') + 1);
	}

}
