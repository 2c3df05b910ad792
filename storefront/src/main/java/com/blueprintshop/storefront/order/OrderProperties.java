package com.blueprintshop.storefront.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the status page follows an order.
 *
 * @param statusWait how long one long poll of the order service may wait for a change
 * @param streamFor how long one event stream to a browser stays open; the browser reconnects
 * after that if the order is still not final
 * @param minPollInterval the least time between two polls that found no change, should the
 * order service answer sooner than asked
 * @param maxStreams event streams one instance keeps open at once (each holds a connection to the
 * gateway); beyond that, the page falls back to reloading
 */
@ConfigurationProperties("shop.storefront.orders")
record OrderProperties(Duration statusWait, Duration streamFor, Duration minPollInterval, int maxStreams) {

	OrderProperties {
		statusWait = positive(statusWait, Duration.ofSeconds(10));
		streamFor = positive(streamFor, Duration.ofMinutes(2));
		minPollInterval = positive(minPollInterval, Duration.ofSeconds(1));
		maxStreams = (maxStreams > 0) ? maxStreams : 200;
	}

	private static Duration positive(Duration value, Duration otherwise) {
		return (value != null && value.isPositive()) ? value : otherwise;
	}

}
