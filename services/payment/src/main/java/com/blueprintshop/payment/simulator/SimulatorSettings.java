package com.blueprintshop.payment.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * How the simulated provider behaves, the same for every payment instance.
 *
 * @param latencyMs how long each answer takes to come back, 0 to 60,000 ms
 * @param declineRate the share of new authorizations declined, 0.0 to 1.0 (three decimals)
 * @param outage whether every call fails as an error of the provider
 * @param updatedAt when they were last changed
 */
public record SimulatorSettings(int latencyMs, double declineRate, boolean outage, Instant updatedAt) {

	public static final int MAX_LATENCY_MS = 60_000;

	public SimulatorSettings {
		if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
			throw new IllegalArgumentException("latencyMs must be between 0 and " + MAX_LATENCY_MS);
		}
		if (!(declineRate >= 0.0 && declineRate <= 1.0)) {
			throw new IllegalArgumentException("declineRate must be between 0.0 and 1.0");
		}
	}

	public Duration latency() {
		return Duration.ofMillis(this.latencyMs);
	}

}
