package com.blueprintshop.perflab.model;

import java.util.List;

/**
 * Everything one run of {@code ./blueprint load} measured: written as {@code report.json} beside
 * {@code report.html}, read back by {@code --compare}. Times are seconds since the run's start
 * ({@code t}); latencies are milliseconds. Optional parts are {@code null} when the run did not
 * measure them.
 *
 * @param meta what was run, where, and how
 * @param requests per request type over the measured window (warm-up excluded), one named
 * {@code all} for every request together
 * @param timeline one point per second and request type (and {@code all}), warm-up included
 * @param processes CPU and memory of every process of the system, and of the load generator
 * @param metrics what the services' own Micrometer metrics said, per component
 * @param saturation which resource ran out first, and the evidence
 * @param limits the machine's reference ceilings, when measured in the same run
 * @param sweep the steps of a sweep and the laws fitted to them
 * @param histogram how many requests of the measured window (all types together) took how long,
 * in buckets of growing width; empty when nothing was measured
 * @param caching hit ratios per cache layer and the statements that still reached PostgreSQL,
 * when the run read them
 */
public record LoadRun(Meta meta, List<RequestStats> requests, List<TimelinePoint> timeline,
		List<ProcessSeries> processes, List<MetricSeries> metrics, Saturation saturation, Limits limits,
		Sweep sweep, List<LatencyBucket> histogram, Caching caching) {

	public LoadRun {
		histogram = (histogram != null) ? List.copyOf(histogram) : List.of();
	}

	/** A run that did not read the caches. */
	public LoadRun(Meta meta, List<RequestStats> requests, List<TimelinePoint> timeline, List<ProcessSeries> processes,
			List<MetricSeries> metrics, Saturation saturation, Limits limits, Sweep sweep, List<LatencyBucket> histogram) {
		this(meta, requests, timeline, processes, metrics, saturation, limits, sweep, histogram, null);
	}

	/**
	 * @param fromMs the bucket's lower bound (inclusive)
	 * @param toMs its upper bound (exclusive); {@code Infinity} for the last
	 * @param count requests whose latency fell in it
	 */
	public record LatencyBucket(double fromMs, double toMs, long count) {
	}

}
