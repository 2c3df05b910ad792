package com.blueprintshop.perflab.model;

import java.util.List;

/**
 * A JVM component's own Micrometer metrics, scraped from {@code /actuator/prometheus} once a
 * second; a value is {@code null} where the component does not have it.
 *
 * @param component the component's name in the run
 * @param samples one a second
 */
public record MetricSeries(String component, List<MetricSample> samples) {

	/**
	 * @param t seconds since the run's start
	 * @param gcPauseMsPerSecond milliseconds spent in GC pauses during the last second
	 * @param dbPoolPending threads waiting for a database connection (HikariCP), now
	 * @param dbPoolAcquireMs mean time to get a database connection during the last second
	 * @param kafkaConsumerLag records behind, summed over the component's consumers (max lag per partition, summed)
	 * @param requestsPerSecond HTTP requests the component served during the last second
	 */
	public record MetricSample(double t, double gcPauseMsPerSecond, Double dbPoolPending, Double dbPoolAcquireMs,
			Double kafkaConsumerLag, Double requestsPerSecond) {
	}

}
