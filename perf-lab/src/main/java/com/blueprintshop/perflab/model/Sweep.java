package com.blueprintshop.perflab.model;

import java.util.List;

/**
 * Steps of increasing concurrency (closed model) with the throughput each reached, and the laws
 * fitted to them.
 *
 * @param points the steps, in the order run
 * @param amdahl Amdahl's law fitted: {@code X(N) = λN / (1 + α(N − 1))}
 * @param usl the Universal Scalability Law fitted: {@code X(N) = λN / (1 + α(N − 1) + βN(N − 1))}
 * @param sloP99Ms the p99 the knee is judged by
 * @param kneeConcurrency the last concurrency whose p99 was within the SLO, or {@code null} if none was
 */
public record Sweep(List<Point> points, Fit amdahl, Fit usl, double sloP99Ms, Integer kneeConcurrency) {

	/**
	 * @param concurrency users at once
	 * @param throughput completed requests per second
	 * @param p99Ms the step's p99 latency
	 * @param errors failed requests in the step
	 */
	public record Point(int concurrency, double throughput, double p99Ms, long errors) {
	}

	/**
	 * @param law {@code amdahl} or {@code usl}
	 * @param lambda throughput of one user alone (requests/s)
	 * @param alpha contention
	 * @param beta coherency ({@code null} for Amdahl)
	 * @param peakConcurrency {@code N* = sqrt((1 − α) / β)} for the USL, {@code null} for Amdahl
	 * @param peakThroughput {@code X(N*)} for the USL; Amdahl's ceiling {@code λ / α}
	 * @param rSquared how well it fits the points
	 */
	public record Fit(String law, double lambda, double alpha, Double beta, Double peakConcurrency,
			double peakThroughput, double rSquared) {
	}

}
