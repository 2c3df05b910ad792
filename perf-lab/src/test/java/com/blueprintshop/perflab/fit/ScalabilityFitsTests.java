package com.blueprintshop.perflab.fit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.blueprintshop.perflab.model.Sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class ScalabilityFitsTests {

	private static final int[] CONCURRENCIES = { 1, 2, 4, 8, 16, 32, 64 };

	// ±2 %, fixed so that a failure reproduces
	private static final double[] NOISE = { 0.02, -0.015, 0.01, -0.02, 0.015, -0.01, 0.02 };

	private static final double LAMBDA = 100;

	private static final double ALPHA = 0.05;

	private static final double BETA = 0.002;

	@Test
	void uslRecoversExactParametersAndPeak() {
		Sweep.Fit fit = ScalabilityFits.usl(sweep(LAMBDA, ALPHA, BETA, false));

		assertThat(fit.law()).isEqualTo("usl");
		assertThat(fit.lambda()).isCloseTo(LAMBDA, withinPercentage(0.01));
		assertThat(fit.alpha()).isCloseTo(ALPHA, within(1e-5));
		assertThat(fit.beta()).isCloseTo(BETA, within(1e-6));
		double nStar = Math.sqrt((1 - ALPHA) / BETA);
		assertThat(fit.peakConcurrency()).isCloseTo(nStar, withinPercentage(0.1));
		assertThat(fit.peakThroughput()).isCloseTo(x(LAMBDA, ALPHA, BETA, nStar), withinPercentage(0.1));
		assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
	}

	@Test
	void uslRecoversParametersFromNoisyPoints() {
		Sweep.Fit fit = ScalabilityFits.usl(sweep(LAMBDA, ALPHA, BETA, true));

		assertThat(fit.lambda()).isCloseTo(LAMBDA, withinPercentage(2));
		assertThat(fit.alpha()).isCloseTo(ALPHA, within(0.005));
		assertThat(fit.beta()).isCloseTo(BETA, withinPercentage(10));
		assertThat(fit.peakConcurrency()).isCloseTo(Math.sqrt((1 - ALPHA) / BETA), withinPercentage(10));
		assertThat(fit.rSquared()).isGreaterThan(0.99);
	}

	@Test
	void uslFindsNoRetrogradeInPureAmdahlDataAndReportsTheAsymptote() {
		Sweep.Fit fit = ScalabilityFits.usl(sweep(LAMBDA, ALPHA, 0, false));

		assertThat(fit.alpha()).isCloseTo(ALPHA, within(1e-4));
		assertThat(fit.beta()).isZero();
		assertThat(fit.peakConcurrency()).isNull();
		assertThat(fit.peakThroughput()).isCloseTo(LAMBDA / ALPHA, withinPercentage(0.1));
		assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
	}

	@Test
	void amdahlRecoversExactParametersAndCeiling() {
		Sweep.Fit fit = ScalabilityFits.amdahl(sweep(LAMBDA, ALPHA, 0, false));

		assertThat(fit.law()).isEqualTo("amdahl");
		assertThat(fit.lambda()).isCloseTo(LAMBDA, withinPercentage(0.01));
		assertThat(fit.alpha()).isCloseTo(ALPHA, within(1e-6));
		assertThat(fit.beta()).isNull();
		assertThat(fit.peakConcurrency()).isNull();
		assertThat(fit.peakThroughput()).isCloseTo(LAMBDA / ALPHA, withinPercentage(0.1));
		assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
	}

	@Test
	void amdahlRecoversParametersFromNoisyPoints() {
		Sweep.Fit fit = ScalabilityFits.amdahl(sweep(LAMBDA, ALPHA, 0, true));

		assertThat(fit.lambda()).isCloseTo(LAMBDA, withinPercentage(3));
		assertThat(fit.alpha()).isCloseTo(ALPHA, within(0.005));
		assertThat(fit.peakThroughput()).isCloseTo(LAMBDA / ALPHA, withinPercentage(10));
		assertThat(fit.rSquared()).isGreaterThan(0.99);
	}

	@Test
	void amdahlFitsRetrogradeDataWorseThanUsl() {
		List<Sweep.Point> points = sweep(LAMBDA, ALPHA, BETA, false);

		Sweep.Fit amdahl = ScalabilityFits.amdahl(points);
		Sweep.Fit usl = ScalabilityFits.usl(points);

		assertThat(amdahl.rSquared()).isLessThan(usl.rSquared());
		assertThat(amdahl.alpha()).isBetween(0.0, 1.0);
	}

	@Test
	void startsWithoutAStepAtOneUser() {
		List<Sweep.Point> points = sweep(LAMBDA, ALPHA, BETA, false).subList(1, CONCURRENCIES.length);

		Sweep.Fit fit = ScalabilityFits.usl(points);

		assertThat(fit.lambda()).isCloseTo(LAMBDA, withinPercentage(0.1));
		assertThat(fit.peakConcurrency()).isCloseTo(Math.sqrt((1 - ALPHA) / BETA), withinPercentage(1));
	}

	@Test
	void keepsParametersInRangeForPerfectlyLinearScaling() {
		List<Sweep.Point> points = sweep(LAMBDA, 0, 0, false);

		Sweep.Fit amdahl = ScalabilityFits.amdahl(points);
		Sweep.Fit usl = ScalabilityFits.usl(points);

		assertThat(amdahl.alpha()).isGreaterThanOrEqualTo(0).isLessThan(1e-6);
		assertThat(usl.alpha()).isGreaterThanOrEqualTo(0).isLessThan(1e-6);
		assertThat(usl.beta()).isZero();
		assertThat(usl.peakConcurrency()).isNull();
		assertThat(amdahl.peakThroughput()).isGreaterThan(LAMBDA * 1000);
	}

	@Test
	void predictsThroughputFromAFit() {
		Sweep.Fit fit = new Sweep.Fit("usl", LAMBDA, ALPHA, BETA, null, 0, 1);

		assertThat(ScalabilityFits.throughput(fit, 8)).isCloseTo(x(LAMBDA, ALPHA, BETA, 8), within(1e-9));
		assertThat(ScalabilityFits.throughput(new Sweep.Fit("amdahl", LAMBDA, ALPHA, null, null, 0, 1), 8))
			.isCloseTo(x(LAMBDA, ALPHA, 0, 8), within(1e-9));
	}

	@Test
	void rejectsTooFewPoints() {
		List<Sweep.Point> two = sweep(LAMBDA, ALPHA, BETA, false).subList(0, 2);

		assertThatIllegalArgumentException().isThrownBy(() -> ScalabilityFits.usl(two))
			.withMessageContaining("at least 3")
			.withMessageContaining("got 2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScalabilityFits.amdahl(two.subList(0, 1)))
			.withMessageContaining("at least 2");
		assertThatIllegalArgumentException().isThrownBy(() -> ScalabilityFits.amdahl(List.of()));
	}

	@Test
	void rejectsRepeatedConcurrenciesCountedAsDistinctPoints() {
		List<Sweep.Point> repeated = List.of(point(4, 300), point(4, 310), point(8, 500));

		assertThatIllegalArgumentException().isThrownBy(() -> ScalabilityFits.usl(repeated))
			.withMessageContaining("different concurrencies, got 2");
	}

	@Test
	void rejectsImpossiblePoints() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScalabilityFits.amdahl(List.of(point(0, 10), point(2, 20))))
			.withMessageContaining("concurrency 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScalabilityFits.amdahl(List.of(point(1, Double.NaN), point(2, 20))))
			.withMessageContaining("throughput NaN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScalabilityFits.amdahl(List.of(point(1, -1), point(2, 20))));
	}

	@Test
	void kneeIsTheLastStepWithinTheSloBeforeTheFirstBreak() {
		List<Sweep.Point> points = List.of(knee(16, 180, 0), knee(1, 20, 0), knee(4, 40, 0), knee(32, 400, 0),
				knee(64, 90, 0), knee(8, 90, 0));

		assertThat(ScalabilityFits.knee(points, 200)).isEqualTo(16);
	}

	@Test
	void kneeStopsAtTheFirstStepWithErrors() {
		List<Sweep.Point> points = List.of(knee(1, 20, 0), knee(2, 25, 0), knee(4, 30, 3), knee(8, 35, 0));

		assertThat(ScalabilityFits.knee(points, 200)).isEqualTo(2);
	}

	@Test
	void kneeIsTheLastStepWhenNoneBreaksTheSlo() {
		List<Sweep.Point> points = List.of(knee(1, 20, 0), knee(2, 25, 0), knee(4, 200, 0));

		assertThat(ScalabilityFits.knee(points, 200)).isEqualTo(4);
	}

	@Test
	void noKneeWhenTheFirstStepAlreadyBreaksTheSlo() {
		assertThat(ScalabilityFits.knee(List.of(knee(1, 250, 0), knee(2, 100, 0)), 200)).isNull();
		assertThat(ScalabilityFits.knee(List.of(knee(1, 20, 1), knee(2, 25, 0)), 200)).isNull();
		assertThat(ScalabilityFits.knee(List.of(), 200)).isNull();
	}

	private static List<Sweep.Point> sweep(double lambda, double alpha, double beta, boolean noisy) {
		List<Sweep.Point> points = new ArrayList<>();
		for (int i = 0; i < CONCURRENCIES.length; i++) {
			double x = x(lambda, alpha, beta, CONCURRENCIES[i]) * (noisy ? 1 + NOISE[i] : 1);
			points.add(point(CONCURRENCIES[i], x));
		}
		return points;
	}

	private static double x(double lambda, double alpha, double beta, double n) {
		return lambda * n / (1 + alpha * (n - 1) + beta * n * (n - 1));
	}

	private static Sweep.Point point(int concurrency, double throughput) {
		return new Sweep.Point(concurrency, throughput, 50, 0);
	}

	private static Sweep.Point knee(int concurrency, double p99Ms, long errors) {
		return new Sweep.Point(concurrency, 100, p99Ms, errors);
	}

}
