package com.blueprintshop.payment.simulator.web;

import java.time.Instant;

import com.blueprintshop.payment.simulator.SimulatorSettings;

/** The simulated provider's settings as staff see them. */
record ProviderSettingsView(int latencyMs, double declineRate, boolean outage, Instant updatedAt) {

	static ProviderSettingsView of(SimulatorSettings settings) {
		return new ProviderSettingsView(settings.latencyMs(), settings.declineRate(), settings.outage(),
				settings.updatedAt());
	}

}
