package com.blueprintshop.perflab;

import java.util.ArrayList;
import java.util.List;

import com.blueprintshop.perflab.journey.Profile;
import com.blueprintshop.perflab.journey.Workload;
import com.blueprintshop.perflab.model.Injection;

/**
 * What {@code run}'s options ask for, checked: the open workload (warm-up at the first rate,
 * then the measured part) and how the report describes it.
 *
 * @param durationSeconds the measured part, after the warm-up
 */
record RunPlan(Profile profile, Workload.Open workload, Injection injection, double warmupSeconds,
		double durationSeconds, double thinkSeconds) {

	static RunPlan of(String profile, Double rate, Double rampTo, String steps, String duration, String warmup,
			String think) {
		Profile chosen;
		try {
			chosen = Profile.of(profile);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--profile: " + ex.getMessage());
		}
		double measured = Values.positive("--duration", Values.seconds("--duration", duration));
		double warm = Values.seconds("--warmup", warmup);
		double pause = Values.seconds("--think", think);
		if (pause > 60) {
			throw new UsageException("--think: at most 60s between two pages");
		}
		if (steps != null && (rate != null || rampTo != null)) {
			throw new UsageException("--steps sets the rates itself: give it without --rate and --ramp-to");
		}
		List<Workload.Open.Step> injection = new ArrayList<>();
		Injection described;
		if (steps != null) {
			List<Double> rates = Values.rates("--steps", steps);
			if (warm > 0) {
				injection.add(new Workload.Open.Step(warm, rates.getFirst(), rates.getFirst()));
			}
			double each = measured / rates.size();
			rates.forEach((r) -> injection.add(new Workload.Open.Step(each, r, r)));
			described = new Injection("open", rates.getFirst(), null, rates, null, pause);
		}
		else {
			double from = Values.positive("--rate", (rate != null) ? rate : 1.0);
			if (warm > 0) {
				injection.add(new Workload.Open.Step(warm, from, from));
			}
			Double to = (rampTo != null) ? Values.positive("--ramp-to", rampTo) : null;
			injection.add(new Workload.Open.Step(measured, from, (to != null) ? to : from));
			described = new Injection("open", from, to, List.of(), null, pause);
		}
		if (peak(injection) > 2000) {
			throw new UsageException("at most 2000 arrivals per second: this machine has " 
					+ Runtime.getRuntime().availableProcessors() + " cores");
		}
		return new RunPlan(chosen, new Workload.Open(injection), described, warm, measured, pause);
	}

	private static double peak(List<Workload.Open.Step> steps) {
		return steps.stream().mapToDouble((s) -> Math.max(s.fromRate(), s.toRate())).max().orElse(0);
	}

	double loadSeconds() {
		return this.warmupSeconds + this.durationSeconds;
	}

}
