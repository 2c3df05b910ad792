package com.blueprintshop.order.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * One order's saga as it is persisted: its phase, which steps it has asked for (so which
 * compensations a failure needs), and until when it waits for the current step's answer.
 *
 * @param orderId the order
 * @param customerId its customer (the orders table's partition key)
 * @param phase where it stands
 * @param stockRequested whether ReserveStock was sent (so ReleaseStock may be needed)
 * @param paymentRequested whether AuthorizePayment was sent (so VoidPayment may be needed)
 * @param deadline when the current step times out, {@code null} once nothing is awaited
 * @param version the optimistic-locking version
 */
record SagaState(UUID orderId, UUID customerId, Phase phase, boolean stockRequested, boolean paymentRequested,
		Instant deadline, long version) {

	SagaState next(Phase phase, boolean stockRequested, boolean paymentRequested, Instant deadline) {
		return new SagaState(this.orderId, this.customerId, phase, stockRequested, paymentRequested, deadline,
				this.version);
	}

}
