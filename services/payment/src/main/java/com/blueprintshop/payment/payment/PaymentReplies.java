package com.blueprintshop.payment.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Outbox;

/**
 * The answers to the saga's commands, keyed by the order id: built from what was recorded, then
 * sent on {@code payment.replies} for a command from Kafka, or returned to the caller of the
 * internal REST endpoint. Sending joins the caller's transaction (and refuses to run without
 * one), so an answer leaves exactly when the outcome it reports was committed. Each answer has a
 * new event id: a repeated answer is a new message.
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
	Reply answerTo(Payment payment) {
		return switch (payment.status()) {
			case AUTHORIZED -> new PaymentAuthorized(UUID.randomUUID(), PaymentAuthorized.TYPE, this.clock.instant(),
					payment.orderId(), payment.id(), payment.authorizationCode());
			case DECLINED -> declined(payment.orderId(), payment.reason());
			case VOIDED -> declined(payment.orderId(), Payment.CANCELLED);
			case PENDING -> throw new IllegalStateException("Payment " + payment.id() + " has no answer yet");
		};
	}

	Reply voided(UUID orderId) {
		return new PaymentVoided(UUID.randomUUID(), PaymentVoided.TYPE, this.clock.instant(), orderId);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void send(Reply reply) {
		this.outbox.append(TOPIC, reply.orderId().toString(), reply.eventId(), reply.type(), reply);
	}

	private Reply declined(UUID orderId, String reason) {
		return new PaymentDeclined(UUID.randomUUID(), PaymentDeclined.TYPE, this.clock.instant(), orderId, reason);
	}

	/** An answer as docs/messaging.md has it (also the body of the internal REST endpoint's response). */
	public sealed interface Reply permits PaymentAuthorized, PaymentDeclined, PaymentVoided {

		UUID eventId();

		String type();

		Instant occurredAt();

		UUID orderId();

	}

	/** @param paymentId this service's id of the payment */
	public record PaymentAuthorized(UUID eventId, String type, Instant occurredAt, UUID orderId, UUID paymentId,
			String authorizationCode) implements Reply {

		static final String TYPE = "PaymentAuthorized";

	}

	/** @param reason the provider's, or {@value Payment#CANCELLED} when the order was cancelled first */
	public record PaymentDeclined(UUID eventId, String type, Instant occurredAt, UUID orderId,
			String reason) implements Reply {

		static final String TYPE = "PaymentDeclined";

	}

	public record PaymentVoided(UUID eventId, String type, Instant occurredAt, UUID orderId) implements Reply {

		static final String TYPE = "PaymentVoided";

	}

}
