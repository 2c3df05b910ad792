package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A component that cannot become ready: the launcher shows why (its last log lines), stops
 * everything it started, and fails.
 */
class LauncherFailureIntegrationTests {

	@Test
	void aComponentThatCannotStartStopsTheWholeRunAndSaysWhy() throws Exception {
		Blueprint blueprint = new Blueprint("system-failing")
			.with("BLUEPRINT_POSTGRES_URL", ExternalInfrastructureIntegrationTests.ADMIN_URL)
			.with("BLUEPRINT_REDIS_URL", "redis://127.0.0.1:6379")
			// catalog is pointed at a port where no database listens
			.with("BLUEPRINT_JVM_OPTS_CATALOG", "-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");
		SystemState.deleteRecursively(blueprint.home());

		Blueprint.Result up = blueprint.run(Duration.ofMinutes(10), "up");

		assertThat(up.exitCode()).isNotZero();
		assertThat(up.output()).contains("catalog did not become ready").contains("127.0.0.1:1");
		assertThat(blueprint.processesOfThisHome()).isEmpty();
		if (Files.exists(blueprint.home().resolve("run/state.json"))) {
			assertThat(SystemState.read(blueprint).processesWithDescendants()).noneMatch(Blueprint::isRunning);
		}
		Blueprint.Result status = blueprint.run(Duration.ofMinutes(1), "status");
		assertThat(status.exitCode()).isNotZero();
	}

}
