package com.blueprintshop.order.saga;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.blueprintshop.order.system.OrderProperties;

/**
 * Looks for steps that got no answer in time, every {@code shop.order.saga.sweep-interval}, on
 * every instance (rows are locked with skip locked, so instances share the work). This is what
 * makes "no answer" an answer: a step lost to a dead service or a parked message still ends the
 * order, compensated, instead of leaving it pending for ever.
 */
@Component
class SagaDeadlines {

	private static final Logger log = LoggerFactory.getLogger(SagaDeadlines.class);

	private final SagaCoordinator coordinator;

	private final int batch;

	SagaDeadlines(SagaCoordinator coordinator, OrderProperties properties) {
		this.coordinator = coordinator;
		this.batch = properties.saga().sweepBatch();
	}

	@Scheduled(fixedDelayString = "${shop.order.saga.sweep-interval:1s}")
	void sweep() {
		try {
			int handled;
			do {
				handled = this.coordinator.sweepOverdue(this.batch);
			}
			while (handled == this.batch);
		}
		catch (RuntimeException ex) {
			log.warn("Deadline sweep failed; the next one tries again: {}", ex.toString());
		}
	}

}
