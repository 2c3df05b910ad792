package com.blueprintshop.order.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order service's settings ({@code shop.order.*}).
 *
 * @param maxLines the most lines one order may have
 * @param maxQuantity the most units of one SKU one order may ask for (the per-order cap)
 * @param countries the countries the shop delivers to (ISO 3166 alpha-2)
 * @param saga the checkout saga's bounds
 * @param statusWait the longest a status request may wait for a change
 * @param checkout how checkout runs the saga
 */
@ConfigurationProperties("shop.order")
public record OrderProperties(@DefaultValue("50") int maxLines, @DefaultValue("10") int maxQuantity,
		@DefaultValue({ "IE", "GB", "DE", "FR", "NL", "ES", "IT", "BE", "AT", "PT" }) List<String> countries,
		@DefaultValue Saga saga, @DefaultValue("20s") Duration statusWait, @DefaultValue Checkout checkout) {

	/**
	 * @param mode {@code async} (the shop as built: 202, the saga runs from the queue over Kafka) or
	 * {@code sync} (the perf lab's ablation: the saga runs in the request over REST, 201 with the
	 * final status)
	 */
	public record Checkout(@DefaultValue("async") Mode mode) {

		public boolean synchronous() {
			return this.mode == Mode.SYNC;
		}

	}

	public enum Mode {

		ASYNC, SYNC

	}

	/**
	 * @param stockTimeout how long the saga waits for inventory's answer before it gives up and compensates
	 * @param paymentTimeout how long it waits for payment's answer
	 * @param sweepInterval how often overdue steps are looked for
	 * @param sweepBatch how many overdue sagas one sweep handles
	 */
	public record Saga(@DefaultValue("15s") Duration stockTimeout, @DefaultValue("15s") Duration paymentTimeout,
			@DefaultValue("1s") Duration sweepInterval, @DefaultValue("100") int sweepBatch) {
	}

}
