package com.blueprintshop.payment.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment service's own settings ({@code shop.payment.*}).
 *
 * @param providerTimeout how long any one call to the card provider may take; past it the call
 * counts as failed and is retried like an outage (the provider's idempotency keys make that safe)
 * @param simulator the simulated provider on the far side
 */
@ConfigurationProperties("shop.payment")
public record PaymentProperties(@DefaultValue("5s") Duration providerTimeout, @DefaultValue Simulator simulator) {

	/**
	 * @param settingsRefresh how stale an instance's copy of the shared latency, decline-rate and
	 * outage settings may be: another instance's change reaches it within this time
	 */
	public record Simulator(@DefaultValue("1s") Duration settingsRefresh) {
	}

}
