package com.blueprintshop.payment.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Outbox;

/**
 * Answers to the saga on {@code payment.replies}, keyed by the order id. They join the caller's
 * transaction (and refuse to run without one), so an answer leaves exactly when the outcome it
 * reports was committed. Each has a new event id: a repeated answer is a new message.
 */
@Component
public class PaymentReplies {

	public static final String TOPIC = "payment.replies";

	private final Outbox outbox;

	private final Clock clock;

	PaymentReplies(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The answer to an AuthorizePayment for a payment that has one. */
	@Transactional(propagation = Propagation.MANDATORY)
	void answerAuthorize(Payment payment) {
		switch (payment.status()) {
			case AUTHORIZED -> send(new PaymentAuthorized(UUID.randomUUID(), PaymentAuthorized.TYPE, this.clock.instant(),
					payment.orderId(), payment.id(), payment.authorizationCode()));
			case DECLINED -> declined(payment.orderId(), payment.reason());
			case VOIDED -> declined(payment.orderId(), Payment.CANCELLED);
			case PENDING -> throw new IllegalStateException("Payment " + payment.id() + " has no answer yet");
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void voided(UUID orderId) {
		send(new PaymentVoided(UUID.randomUUID(), PaymentVoided.TYPE, this.clock.instant(), orderId));
	}

	private void declined(UUID orderId, String reason) {
		send(new PaymentDeclined(UUID.randomUUID(), PaymentDeclined.TYPE, this.clock.instant(), orderId, reason));
	}

	private void send(Reply reply) {
		this.outbox.append(TOPIC, reply.orderId().toString(), reply.eventId(), reply.type(), reply);
	}

	sealed interface Reply {

		UUID eventId();

		String type();

		UUID orderId();

	}

	/** @param paymentId this service's id of the payment */
	record PaymentAuthorized(UUID eventId, String type, Instant occurredAt, UUID orderId, UUID paymentId,
			String authorizationCode) implements Reply {

		static final String TYPE = "PaymentAuthorized";

	}

	/** @param reason the provider's, or {@value Payment#CANCELLED} when the order was cancelled first */
	record PaymentDeclined(UUID eventId, String type, Instant occurredAt, UUID orderId, String reason) implements Reply {

		static final String TYPE = "PaymentDeclined";

	}

	record PaymentVoided(UUID eventId, String type, Instant occurredAt, UUID orderId) implements Reply {

		static final String TYPE = "PaymentVoided";

	}

}
