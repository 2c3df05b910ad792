package com.blueprintshop.perflab.model;

/**
 * One second of one request type (or {@code all}).
 *
 * @param t seconds since the run's start (the end of the second measured)
 * @param name the request type, or {@code all}
 * @param count requests completed in that second
 * @param ko of which failed
 * @param activeUsers users in the system at that moment (for {@code all}; else 0)
 */
public record TimelinePoint(double t, String name, long count, long ko, double p50Ms, double p99Ms, double maxMs,
		int activeUsers) {
}
