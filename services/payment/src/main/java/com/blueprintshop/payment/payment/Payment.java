package com.blueprintshop.payment.payment;

import java.time.Instant;
import java.util.UUID;

import com.blueprintshop.payment.system.Money;

/**
 * One order's payment: the aggregate that records what the provider answered. It changes state
 * only through its intentions ({@link #authorized}, {@link #declined}, {@link #voided}) and
 * refuses any other move: PENDING → AUTHORIZED | DECLINED | VOIDED, AUTHORIZED → VOIDED. A
 * {@linkplain #voidedBeforeAuthorization tombstone} is VOIDED from the start and has no amount
 * or card. Of the card it holds only the provider's token and the last four digits.
 *
 * @param idempotencyKey {@code authorize-<orderId>}: unique, so an order has one payment, and
 * the key the provider is asked with, so it authorizes an order once however often it is asked
 */
public record Payment(UUID id, UUID orderId, String idempotencyKey, Money amount, String cardToken, String cardLast4,
		PaymentStatus status, String authorizationCode, String reason, Instant createdAt, Instant updatedAt) {

	/** The reason a payment cancelled before (or while) it was authorized is declined with. */
	public static final String CANCELLED = "cancelled";

	public static String authorizeKey(UUID orderId) {
		return "authorize-" + orderId;
	}

	public static String voidKey(UUID orderId) {
		return "void-" + orderId;
	}

	static Payment pending(UUID orderId, Money amount, String cardToken, String cardLast4, Instant now) {
		return new Payment(UUID.randomUUID(), orderId, authorizeKey(orderId), amount, cardToken, cardLast4,
				PaymentStatus.PENDING, null, null, now, now);
	}

	/** An order cancelled before its payment was asked for: a later AuthorizePayment is declined. */
	static Payment voidedBeforeAuthorization(UUID orderId, Instant now) {
		return new Payment(UUID.randomUUID(), orderId, authorizeKey(orderId), null, null, null, PaymentStatus.VOIDED,
				null, CANCELLED, now, now);
	}

	Payment authorized(String code, Instant now) {
		require(PaymentStatus.PENDING, "authorize");
		return with(PaymentStatus.AUTHORIZED, code, null, now);
	}

	Payment declined(String why, Instant now) {
		require(PaymentStatus.PENDING, "decline");
		return with(PaymentStatus.DECLINED, null, why, now);
	}

	Payment voided(Instant now) {
		if (!needsVoiding()) {
			throw new IllegalStateException("Cannot void payment " + this.id + " in status " + this.status);
		}
		return with(PaymentStatus.VOIDED, this.authorizationCode, this.reason, now);
	}

	/** Whether the provider may hold (or be about to hold) money for it. */
	boolean needsVoiding() {
		return this.status == PaymentStatus.PENDING || this.status == PaymentStatus.AUTHORIZED;
	}

	boolean settled() {
		return this.status != PaymentStatus.PENDING;
	}

	private void require(PaymentStatus expected, String intention) {
		if (this.status != expected) {
			throw new IllegalStateException(
					"Cannot " + intention + " payment " + this.id + " in status " + this.status);
		}
	}

	private Payment with(PaymentStatus next, String code, String why, Instant now) {
		return new Payment(this.id, this.orderId, this.idempotencyKey, this.amount, this.cardToken, this.cardLast4, next,
				code, why, this.createdAt, now);
	}

}
