package com.blueprintshop.perflab.sample;

import com.blueprintshop.perflab.model.MetricSeries;

/**
 * What a JVM component's metrics say about one second, from two scrapes of its
 * {@code /actuator/prometheus} a second apart.
 */
public final class JvmMetrics {

	static final String GC_PAUSE = "jvm_gc_pause_seconds_sum";

	static final String POOL_PENDING = "hikaricp_connections_pending";

	static final String POOL_ACQUIRE_SUM = "hikaricp_connections_acquire_seconds_sum";

	static final String POOL_ACQUIRE_COUNT = "hikaricp_connections_acquire_seconds_count";

	static final String KAFKA_LAG = "kafka_consumer_fetch_manager_records_lag_max";

	static final String HTTP_REQUESTS = "http_server_requests_seconds_count";

	private JvmMetrics() {
	}

	/**
	 * @param seconds the time between the two scrapes
	 */
	public static MetricSeries.MetricSample between(double t, PrometheusText before, PrometheusText now,
			double seconds) {
		double gc = Math.max(0, now.sum(GC_PAUSE) - before.sum(GC_PAUSE)) * 1000 / seconds;
		Double pending = now.has(POOL_PENDING) ? now.sum(POOL_PENDING) : null;
		Double acquire = null;
		if (now.has(POOL_ACQUIRE_COUNT)) {
			double count = now.sum(POOL_ACQUIRE_COUNT) - before.sum(POOL_ACQUIRE_COUNT);
			double sum = now.sum(POOL_ACQUIRE_SUM) - before.sum(POOL_ACQUIRE_SUM);
			acquire = (count > 0) ? round(sum / count * 1000) : 0.0;
		}
		Double lag = now.has(KAFKA_LAG) ? kafkaLag(now) : null;
		Double requests = now.has(HTTP_REQUESTS)
				? round(Math.max(0, served(now) - served(before)) / seconds) : null;
		return new MetricSeries.MetricSample(t, round(gc), pending, acquire, lag, requests);
	}

	/**
	 * Records behind, summed over the consumers' partitions. Kafka reports the maximum per
	 * partition ({@code topic} and {@code partition} labels) and again per client over all of
	 * them; the partition series are summed where there are any, so nothing counts twice.
	 */
	static double kafkaLag(PrometheusText metrics) {
		boolean perPartition = metrics.samples()
			.stream()
			.anyMatch((s) -> s.name().equals(KAFKA_LAG) && s.labels().containsKey("partition"));
		return metrics.sum(KAFKA_LAG, (labels) -> labels.containsKey("partition") == perPartition);
	}

	// the scrapes themselves are requests too: one a second that the load did not cause
	private static double served(PrometheusText metrics) {
		return metrics.sum(HTTP_REQUESTS, (labels) -> !labels.getOrDefault("uri", "").startsWith("/actuator"));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
