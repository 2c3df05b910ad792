package com.blueprintshop.perflab.model;

/**
 * The machine's reference ceilings, measured in the same run so that a figure means something on
 * a noisy shared machine; a report states the system's throughput as a fraction of them.
 *
 * @param staticFileRps nginx serving a 2 KB static file over keep-alive connections
 * @param staticFileP99Ms its p99 latency
 * @param postgresSelectsPerSecond primary-key selects, prepared, over a few connections
 * @param redisGetsPerSecond GETs of a small value over a few connections
 * @param method how each was measured (tool, connections, seconds)
 */
public record Limits(double staticFileRps, double staticFileP99Ms, double postgresSelectsPerSecond,
		double redisGetsPerSecond, String method) {
}
