package com.blueprintshop.perflab.model;

import java.util.List;

/**
 * How the load was applied.
 *
 * @param model {@code open} (new users arrive at a rate, whatever the answers take: no
 * coordinated omission) or {@code closed} (a fixed number of users, each waiting for its answers:
 * the sweep's model)
 * @param ratePerSecond open: arrivals per second (at the start of a ramp); closed: {@code null}
 * @param rampToPerSecond open: the rate a ramp ends at, or {@code null} for a constant rate
 * @param steps open: arrival rates of successive steps, or closed: concurrencies; empty when none
 * @param concurrency closed: users at once; open: {@code null}
 * @param thinkTimeSeconds the pause a user takes between two pages of a journey
 */
public record Injection(String model, Double ratePerSecond, Double rampToPerSecond, List<Double> steps,
		Integer concurrency, double thinkTimeSeconds) {
}
