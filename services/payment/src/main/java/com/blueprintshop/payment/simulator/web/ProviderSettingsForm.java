package com.blueprintshop.payment.simulator.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import com.blueprintshop.payment.simulator.SimulatorSettings;

/**
 * What staff send to change the simulated provider.
 *
 * @param latencyMs 0 to 60,000
 * @param declineRate 0.0 to 1.0, at most three decimals
 * @param outage whether every call fails
 */
record ProviderSettingsForm(
		@NotNull @Min(0) @Max(SimulatorSettings.MAX_LATENCY_MS) Integer latencyMs,
		@NotNull @DecimalMin("0.0") @DecimalMax("1.0") @Digits(integer = 1, fraction = 3) BigDecimal declineRate,
		@NotNull Boolean outage) {
}
