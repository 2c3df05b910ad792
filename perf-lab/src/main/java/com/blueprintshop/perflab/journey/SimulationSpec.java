package com.blueprintshop.perflab.journey;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@link ShopSimulation} runs. Gatling instantiates the simulation class itself (by name,
 * with no arguments), so the plan is handed over here, set just before the run starts.
 *
 * @param baseUrl where the journeys go (the edge)
 * @param thinkSeconds the pause between two pages, randomised ±50 %
 * @param maxDuration when Gatling stops even if journeys are still running (the bound on the drain)
 */
public record SimulationSpec(String baseUrl, Profile profile, ShopData data, Outcomes outcomes, Workload workload,
		double thinkSeconds, Duration maxDuration) {

	private static final AtomicReference<SimulationSpec> CURRENT = new AtomicReference<>();

	public static void set(SimulationSpec spec) {
		CURRENT.set(spec);
	}

	static SimulationSpec current() {
		SimulationSpec spec = CURRENT.get();
		if (spec == null) {
			throw new IllegalStateException("ShopSimulation runs only from LoadLab, which sets its plan first");
		}
		return spec;
	}

}
