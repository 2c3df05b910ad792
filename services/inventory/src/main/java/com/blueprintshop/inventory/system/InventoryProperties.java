package com.blueprintshop.inventory.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inventory's own settings ({@code shop.inventory.*}).
 *
 * @param catalogUrl where catalog answers: a discovery name ({@code http://catalog}, load-balanced
 * over its instances) or a plain address with a port or a dotted host (used as it is)
 * @param reservationTtl how long a reservation holds stock unless the order commits it
 * @param expirySweepInterval how often expired reservations are looked for
 * @param casAttempts how often a compare-and-swap on a stock row is tried before the command
 * fails (to be delivered again)
 * @param uploadBatchSize stock-upload rows applied per transaction
 * @param seed the stock generated for the SKUs learned at first start
 */
@ConfigurationProperties("shop.inventory")
public record InventoryProperties(@DefaultValue("http://catalog") String catalogUrl,
		@DefaultValue("30m") Duration reservationTtl, @DefaultValue("30s") Duration expirySweepInterval,
		@DefaultValue("5") int casAttempts, @DefaultValue("1000") int uploadBatchSize, @DefaultValue Seed seed) {

	public InventoryProperties {
		if (casAttempts < 1) {
			throw new IllegalArgumentException("shop.inventory.cas-attempts must be at least 1");
		}
		if (uploadBatchSize < 1) {
			throw new IllegalArgumentException("shop.inventory.upload-batch-size must be at least 1");
		}
	}

	/**
	 * @param enabled whether an empty inventory learns catalog's SKUs at start-up
	 * @param randomSeed the same seed always generates the same stock
	 * @param pageSize SKUs asked of catalog per request (at most 1000)
	 * @param initialBackoff the pause before asking an unreachable catalog again; it doubles
	 * @param maxBackoff the longest pause between two tries
	 */
	public record Seed(@DefaultValue("true") boolean enabled, @DefaultValue("42") long randomSeed,
			@DefaultValue("1000") int pageSize, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff) {
	}

}
