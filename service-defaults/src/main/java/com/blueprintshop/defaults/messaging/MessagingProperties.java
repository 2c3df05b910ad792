package com.blueprintshop.defaults.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service publishes and consumes Kafka messages ({@code shop.messaging.*}).
 *
 * @param outbox the transactional outbox and its relay
 * @param topics the topics a service creates when they are missing
 * @param consumer what a listener does with a message that fails
 */
@ConfigurationProperties("shop.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Topics topics,
		@DefaultValue Consumer consumer) {

	/**
	 * @param enabled whether this service has an {@code outbox} table and relays it
	 * @param interval the longest pause between two relay runs (a commit wakes the relay at once)
	 * @param batchSize rows sent per transaction
	 * @param sendTimeout how long one batch waits for the broker's acknowledgements
	 * @param keepSent how long sent rows stay, for inspection, before they are deleted
	 */
	public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("250ms") Duration interval,
			@DefaultValue("500") int batchSize, @DefaultValue("10s") Duration sendTimeout,
			@DefaultValue("7d") Duration keepSent) {
	}

	/**
	 * @param partitions partitions of a topic this service creates (the key spreads the load over them)
	 * @param replicas its replication factor (1 on one machine; 3 in production)
	 * @param retry how long to wait before trying again to create topics while the broker is away
	 * @param deadLetterSuffix appended to a topic's name for its dead-letter topic
	 */
	public record Topics(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas,
			@DefaultValue("5s") Duration retry, @DefaultValue(".dlt") String deadLetterSuffix) {

		public String deadLetterTopic(String topic) {
			return topic + this.deadLetterSuffix;
		}

	}

	/**
	 * @param maxRetries redeliveries of a failing message before it is parked on the dead-letter topic
	 * @param initialBackoff the pause before the first redelivery; it doubles each time
	 * @param maxBackoff the longest pause between two redeliveries
	 */
	public record Consumer(@DefaultValue("4") int maxRetries, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("8s") Duration maxBackoff) {
	}

}
