package com.blueprintshop.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	private static final Path REPO = Path.of("/work/shop");

	@Test
	void defaultsToAHomeInsideTheRepository() {
		Settings settings = Settings.from(Map.of(), REPO);
		assertThat(settings.home().root()).isEqualTo(Path.of("/work/shop/.blueprint"));
		assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(settings.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.startParallelism()).isEqualTo(3);
		assertThat(settings.storefrontInstances()).isEqualTo(2);
		assertThat(settings.externalPostgresUrl()).isEmpty();
	}

	@Test
	void appendsGeneralThenSpecificJvmOptionsAfterTheDefaultsSoTheyWin() {
		Settings settings = Settings.from(Map.of("BLUEPRINT_JVM_OPTS", " -Xmx384m  -Dall=1 ",
				"BLUEPRINT_JVM_OPTS_STOREFRONT", "-Xmx512m", "BLUEPRINT_JVM_OPTS_CATALOG", "-Dcatalog=1"), REPO);

		assertThat(settings.appJvmOptions("storefront")).startsWith(Settings.DEFAULT_APP_JVM_OPTIONS.toArray(String[]::new))
			.endsWith("-Xmx384m", "-Dall=1", "-Xmx512m")
			.doesNotContain("-Dcatalog=1");
	}

	@Test
	void rejectsNonsenseNumbersWithTheVariableName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.from(Map.of("BLUEPRINT_READY_TIMEOUT_SECONDS", "soon"), REPO))
			.withMessageContaining("BLUEPRINT_READY_TIMEOUT_SECONDS");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.from(Map.of("BLUEPRINT_STOREFRONT_INSTANCES", "0"), REPO));
	}

}
