package com.blueprintshop.perflab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.blueprintshop.perflab.journey.Profile;
import com.blueprintshop.perflab.journey.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadLabOptionsTests {

	@TempDir
	Path home;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int load(String... args) {
		return LoadLab.execute(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aDurationThatIsNotOneIsABadOption() {
		assertThat(load("run", "--home", this.home.toString(), "--profile", "mix", "--duration", "soon")).isEqualTo(2);
		assertThat(errors()).contains("--duration").contains("not a duration");
	}

	@Test
	void anUnknownProfileIsABadOption() {
		assertThat(load("run", "--home", this.home.toString(), "--profile", "shoplifting")).isEqualTo(2);
		assertThat(errors()).contains("browse, buy, account, staff, mix");
	}

	@Test
	void stepsWithARateAreABadOption() {
		assertThat(load("run", "--home", this.home.toString(), "--profile", "browse", "--steps", "1,2", "--rate", "3"))
			.isEqualTo(2);
		assertThat(errors()).contains("--steps");
	}

	@Test
	void aMissingHomeIsABadOption() {
		assertThat(load("run", "--profile", "browse")).isEqualTo(2);
		assertThat(errors()).contains("--home");
	}

	@Test
	void anUnknownSubcommandIsABadOption() {
		assertThat(load("stampede")).isEqualTo(2);
	}

	@Test
	void aNegativeMaxErrorsIsABadOption() {
		assertThat(load("run", "--home", this.home.toString(), "--profile", "browse", "--max-errors", "-1")).isEqualTo(2);
	}

	@Test
	void aSweepWithAZeroConcurrencyIsABadOption() {
		assertThat(load("sweep", "--home", this.home.toString(), "--profile", "browse", "--concurrency", "0,2"))
			.isEqualTo(2);
		assertThat(errors()).contains("--concurrency");
	}

	@Test
	void aHomeWithNoRunningSystemIsARunThatCannotBeDone() {
		assertThat(load("run", "--home", this.home.toString(), "--profile", "browse", "--duration", "5s")).isEqualTo(1);
		assertThat(errors()).contains("No system is running").contains("./blueprint up");
	}

	@Test
	void limitsWithoutASystemCannotBeDone() {
		assertThat(load("limits", "--home", this.home.toString())).isEqualTo(1);
	}

	@Test
	void comparingAMissingReportIsABadOption() {
		assertThat(load("compare", this.home.resolve("a").toString(), this.home.resolve("b").toString())).isEqualTo(2);
		assertThat(errors()).contains("no report at");
	}

	@Test
	void aConstantRateRunsTheWarmupAndTheMeasuredPartAtThatRate() {
		RunPlan plan = RunPlan.of("mix", 2.0, null, null, "6s", "2s", "1s");
		assertThat(plan.profile()).isEqualTo(Profile.MIX);
		assertThat(plan.workload().steps()).containsExactly(new Workload.Open.Step(2, 2, 2),
				new Workload.Open.Step(6, 2, 2));
		assertThat(plan.loadSeconds()).isEqualTo(8);
		assertThat(plan.injection().model()).isEqualTo("open");
		assertThat(plan.injection().rampToPerSecond()).isNull();
	}

	@Test
	void aRampWarmsUpAtTheFirstRateAndRampsOverTheMeasuredPart() {
		RunPlan plan = RunPlan.of("browse", 1.0, 5.0, null, "1m", "10s", "500ms");
		assertThat(plan.workload().steps()).containsExactly(new Workload.Open.Step(10, 1, 1),
				new Workload.Open.Step(60, 1, 5));
		assertThat(plan.workload().rateAt(40)).isEqualTo(3.0);
		assertThat(plan.thinkSeconds()).isEqualTo(0.5);
		assertThat(plan.injection().rampToPerSecond()).isEqualTo(5.0);
	}

	@Test
	void stepsShareTheMeasuredDurationEqually() {
		RunPlan plan = RunPlan.of("browse", null, null, "2,4,8", "30s", "0s", "1s");
		assertThat(plan.workload().steps()).containsExactly(new Workload.Open.Step(10, 2, 2),
				new Workload.Open.Step(10, 4, 4), new Workload.Open.Step(10, 8, 8));
		assertThat(plan.workload().rateAt(25)).isEqualTo(8.0);
		assertThat(plan.workload().rateAt(31)).isZero();
		assertThat(plan.injection().steps()).containsExactly(2.0, 4.0, 8.0);
	}

	@Test
	void durationsReadUnitsAndBareSeconds() {
		assertThat(Values.seconds("--x", "90")).isEqualTo(90);
		assertThat(Values.seconds("--x", "1.5s")).isEqualTo(1.5);
		assertThat(Values.seconds("--x", "2m")).isEqualTo(120);
		assertThat(Values.seconds("--x", "250ms")).isEqualTo(0.25);
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Values.seconds("--x", "-3s"));
	}

	@Test
	void aZeroRateIsRefused() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> RunPlan.of("browse", 0.0, null, null, "10s", "0s", "1s"))
			.withMessageContaining("--rate");
	}

	@Test
	void theReportFolderIsNamedByTimeProfileAndLabel() {
		Path folder = Reporting.outDirectory(this.home, null, "mix", "after cache");
		assertThat(folder.getParent()).isEqualTo(this.home.resolve("load"));
		assertThat(folder.getFileName().toString()).matches("\\d{8}-\\d{6}-mix-after_cache");
		assertThat(Reporting.outDirectory(this.home, this.home.resolve("x"), "mix", null)).isEqualTo(this.home.resolve("x"));
	}

}
