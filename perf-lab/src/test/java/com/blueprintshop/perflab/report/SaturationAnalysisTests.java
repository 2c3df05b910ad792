package com.blueprintshop.perflab.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.blueprintshop.perflab.model.MetricSeries;
import com.blueprintshop.perflab.model.MetricSeries.MetricSample;
import com.blueprintshop.perflab.model.ProcessSeries;
import com.blueprintshop.perflab.model.Saturation;

import static com.blueprintshop.perflab.report.TestRuns.metrics;
import static com.blueprintshop.perflab.report.TestRuns.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Synthetic series over t = 1…60 s, judged in the window 10…60 s (the first 10 s being warm-up). */
class SaturationAnalysisTests {

	private static final double FROM = 10;

	private static final double TO = 60;

	@Test
	void findsNothingSaturatedOnAQuietMachine() {
		List<ProcessSeries> processes = List.of(process("catalog", 1, t -> 30), process("postgres", 2, t -> 20));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, processes, List.of());

		assertThat(saturation.first()).isEqualTo("none");
		assertThat(saturation.findings()).contains(
				"Machine CPU (2 cores) averaged 25 % (peak 25 %) between t=10 s and t=60 s.",
				"Busiest processes by mean CPU: catalog 30 % of a core (peak 30 %), postgres 20 % of a core (peak 20 %).");
	}

	@Test
	void machineCpuSaturatesWhenTheProcessesTogetherUseNinetyPercentOfEveryCore() {
		List<ProcessSeries> processes = List.of(process("catalog", 1, t -> (t >= 30) ? 120 : 40),
				process("postgres", 2, t -> (t >= 30) ? 70 : 20));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, processes, List.of());

		assertThat(saturation.first()).isEqualTo("machine CPU (2 cores) at 95 % from t=30 s");
	}

	@Test
	void aOneSecondSpikeIsNotSaturation() {
		List<ProcessSeries> processes = List.of(process("catalog", 1, t -> (t == 30 || t == 31) ? 195 : 50));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, processes, List.of());

		assertThat(saturation.first()).isEqualTo("none");
		assertThat(saturation.findings().getFirst()).contains("peak 97.5 %");
	}

	@Test
	void aProcessPeggedAtOneCoreIsASingleThreadedBottleneck() {
		List<ProcessSeries> processes = List.of(process("notification", 1, t -> (t >= 20) ? 99 + (t % 2) : 10),
				process("catalog", 2, t -> 50));

		Saturation saturation = SaturationAnalysis.of(4, FROM, TO, processes, List.of());

		assertThat(saturation.first()).startsWith("notification at 99.")
			.contains("% of one core while the machine had 4 (a single-threaded bottleneck) from t=20 s");
	}

	@Test
	void aMultiThreadedProcessAboveOneCoreIsNotPegged() {
		List<ProcessSeries> processes = List.of(process("catalog", 1, t -> 160));

		assertThat(SaturationAnalysis.of(4, FROM, TO, processes, List.of()).first()).isEqualTo("none");
	}

	@Test
	void sustainedDatabasePoolWaitsSaturate() {
		List<MetricSeries> metrics = List.of(metrics("order",
				t -> new MetricSample(t, 1, (t >= 25) ? 3.0 : 0.0, (t >= 25) ? 40.0 : 0.5, null, 50.0)));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, List.of(), metrics);

		assertThat(saturation.first()).isEqualTo("order's database pool (up to 3 threads waiting) from t=25 s");
		assertThat(saturation.findings()).anyMatch(f -> f.startsWith(
				"order's database pool had threads waiting for a connection in 36 of 51 seconds (peak 3 waiting"));
	}

	@Test
	void saysSoWhenNoThreadWaitedForAConnection() {
		List<MetricSeries> metrics = List.of(metrics("catalog", t -> new MetricSample(t, 1, 0.0, 0.2, null, 50.0)));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, List.of(), metrics);

		assertThat(saturation.first()).isEqualTo("none");
		assertThat(saturation.findings()).contains("No thread waited for a database connection.");
	}

	@Test
	void growingKafkaLagSaturates() {
		List<MetricSeries> metrics = List.of(metrics("notification",
				t -> new MetricSample(t, 1, null, null, (t >= 40) ? (t - 39) * 100.0 : 0.0, 10.0)));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, List.of(), metrics);

		assertThat(saturation.first())
			.isEqualTo("Kafka consumer lag of notification (growing, 2100 records at its peak) from t=40 s");
		assertThat(saturation.findings()).anyMatch(f -> f.startsWith(
				"notification's Kafka consumer lag went from 0 to 2100 records (peak 2100, trend +"));
	}

	@Test
	void aSteadyLagIsNotGrowing() {
		List<MetricSeries> metrics = List.of(metrics("notification",
				t -> new MetricSample(t, 1, null, null, (t % 2 == 0) ? 5.0 : 3.0, 10.0)));

		assertThat(SaturationAnalysis.of(2, FROM, TO, List.of(), metrics).first()).isEqualTo("none");
	}

	@Test
	void gcPausesOverFivePercentOfTheTimeSaturate() {
		List<MetricSeries> metrics = List.of(metrics("catalog", t -> new MetricSample(t, (t >= 50) ? 80 : 5, null,
				null, null, 10.0)), metrics("order", t -> new MetricSample(t, 2, null, null, null, 10.0)));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, List.of(), metrics);

		assertThat(saturation.first()).isEqualTo("GC pauses of catalog (8 % of the time) from t=50 s");
		assertThat(saturation.findings()).anyMatch(f -> f.startsWith("GC pauses took ") && f.contains("in catalog")
				&& f.indexOf("catalog") < f.indexOf("order"));
	}

	@Test
	void theEarliestCrossingIsFirstAndTheOthersAreListedInOrder() {
		List<ProcessSeries> processes = List.of(process("catalog", 1, t -> (t >= 40) ? 190 : 50));
		List<MetricSeries> metrics = List.of(metrics("order",
				t -> new MetricSample(t, 1, (t >= 15) ? 1.0 : 0.0, 10.0, null, 50.0)));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, processes, metrics);

		assertThat(saturation.first()).startsWith("order's database pool").endsWith("from t=15 s");
		assertThat(saturation.findings()).contains("Thresholds crossed, in order: order's database pool "
				+ "(up to 1 threads waiting) from t=15 s; machine CPU (2 cores) at 95 % from t=40 s.");
	}

	@Test
	void onlyTheMeasuredWindowCounts() {
		List<ProcessSeries> processes = List.of(process("catalog", 1, t -> (t < 10) ? 200 : 40));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, processes, List.of());

		assertThat(saturation.first()).isEqualTo("none");
		assertThat(saturation.findings().getFirst()).contains("averaged 20 % (peak 20 %)");
	}

	@Test
	void namesTheThreeBusiestProcessesAndTheLoadGeneratorsShare() {
		List<ProcessSeries> processes = List.of(process("gateway", 1, t -> 10), process("catalog", 2, t -> 70),
				process("postgres", 3, t -> 40), process(SaturationAnalysis.LOAD_GENERATOR, 4, t -> 50));

		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, processes, List.of());

		assertThat(saturation.findings()).contains("Busiest processes by mean CPU: catalog 70 % of a core (peak 70 %), "
				+ "load-generator 50 % of a core (peak 50 %), postgres 40 % of a core (peak 40 %).");
		assertThat(saturation.findings()).anyMatch(f -> f.startsWith("The load generator used 25 % of the machine's CPU"));
	}

	@Test
	void saysSoWhenThereIsNothingToJudge() {
		Saturation saturation = SaturationAnalysis.of(2, FROM, TO, List.of(), List.of());

		assertThat(saturation.first()).isEqualTo("none");
		assertThat(saturation.findings()).singleElement().asString().startsWith("No process or metric samples");
	}

	@Test
	void rejectsAWindowThatEndsBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> SaturationAnalysis.of(2, 60, 10, List.of(), List.of()))
			.withMessageContaining("before it starts");
	}

}
