package com.blueprintshop.perflab.journey;

import java.util.List;

/**
 * How users are injected, in Gatling's terms, and the arrival rate at any moment of it.
 */
public sealed interface Workload {

	/** Seconds from the first arrival to the last. */
	double seconds();

	/**
	 * Open model: users arrive at a rate whatever the answers take (no coordinated omission).
	 * Each step ramps linearly from {@code fromRate} to {@code toRate} (equal for a constant rate).
	 */
	record Open(List<Step> steps) implements Workload {

		public Open {
			steps = List.copyOf(steps);
		}

		@Override
		public double seconds() {
			return this.steps.stream().mapToDouble(Step::seconds).sum();
		}

		/** Arrivals per second at {@code t} seconds since the start; 0 once the injection is over. */
		public double rateAt(double t) {
			double start = 0;
			for (Step step : this.steps) {
				if (t < start + step.seconds()) {
					double f = (t - start) / step.seconds();
					return step.fromRate() + (step.toRate() - step.fromRate()) * Math.max(0, f);
				}
				start += step.seconds();
			}
			return 0;
		}

		public double peakRate() {
			return this.steps.stream().mapToDouble((s) -> Math.max(s.fromRate(), s.toRate())).max().orElse(0);
		}

		public record Step(double seconds, double fromRate, double toRate) {
		}

	}

	/** Closed model: a fixed number of users at once, each starting its next journey when one ends. */
	record Closed(List<Step> steps) implements Workload {

		public Closed {
			steps = List.copyOf(steps);
		}

		@Override
		public double seconds() {
			return this.steps.stream().mapToDouble(Step::seconds).sum();
		}

		public int usersAt(double t) {
			double start = 0;
			for (Step step : this.steps) {
				if (t < start + step.seconds()) {
					return step.users();
				}
				start += step.seconds();
			}
			return 0;
		}

		public record Step(int users, double seconds) {
		}

	}

}
