package com.blueprintshop.payment.payment;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.defaults.messaging.Inbox;
import com.blueprintshop.payment.payment.PaymentCommand.AuthorizePayment;
import com.blueprintshop.payment.payment.PaymentCommand.VoidPayment;
import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.ProviderCalls;
import com.blueprintshop.payment.provider.ProviderUnavailableException;

/**
 * Carries out the saga's commands, idempotently by event id (the inbox) and by order (one
 * payment per order, one authorization at the provider under {@code authorize-<orderId>}).
 *
 * <p>No transaction is open while the provider is asked. A command that needs the provider runs
 * in three steps: a first transaction records the attempt (a PENDING payment), then the
 * provider call, then a second transaction records the outcome, the reply (outbox) and the
 * message as handled (inbox). A crash in between is safe: the message is delivered again, the
 * provider is asked again with the same key and answers as before. When the provider fails or
 * does not answer in time, {@link ProviderUnavailableException} leaves here and the listener's
 * error handler retries, then parks the command; nothing is answered meanwhile.
 */
@Service
public class PaymentCommands {

	private static final Logger log = LoggerFactory.getLogger(PaymentCommands.class);

	/** This service's name in the inbox. */
	static final String CONSUMER = "payment";

	private final PaymentRepository payments;

	private final Inbox inbox;

	private final PaymentReplies replies;

	private final ProviderCalls provider;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentCommands(PaymentRepository payments, Inbox inbox, PaymentReplies replies, ProviderCalls provider,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.payments = payments;
		this.inbox = inbox;
		this.replies = replies;
		this.provider = provider;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public void handle(PaymentCommand command) {
		if (this.payments.handled(CONSUMER, command.eventId())) {
			return;
		}
		switch (command) {
			case AuthorizePayment authorize -> authorize(authorize);
			case VoidPayment cancel -> cancel(cancel);
		}
	}

	/**
	 * Authorizes the order's amount once. An order that already has an answer (authorized,
	 * declined, or cancelled first) gets that answer again without a provider call.
	 */
	private void authorize(AuthorizePayment command) {
		String key = Payment.authorizeKey(command.orderId());
		Payment attempt = this.transactions.execute((status) -> {
			this.payments.insertIfAbsent(Payment.pending(command.orderId(), command.amount(), command.cardToken(),
					command.cardLast4(), this.clock.instant()));
			Payment payment = this.payments.lock(key).orElseThrow();
			if (!payment.settled()) {
				return payment;
			}
			if (this.inbox.firstDelivery(CONSUMER, command.eventId())) {
				this.replies.answerAuthorize(payment);
			}
			return null;
		});
		if (attempt == null) {
			return;
		}
		if (!attempt.amount().equals(command.amount())) {
			log.warn("AuthorizePayment {} for order {} asks for {} but its payment was started for {}; authorizing that",
					command.eventId(), command.orderId(), command.amount(), attempt.amount());
		}
		// the recorded attempt's amount and card, so that every retry asks the provider the same
		Authorization answer = this.provider.authorize(key, attempt.amount(), attempt.cardToken());
		this.transactions.executeWithoutResult((status) -> {
			if (!this.inbox.firstDelivery(CONSUMER, command.eventId())) {
				return;
			}
			Payment payment = this.payments.lock(key).orElseThrow();
			if (!payment.settled()) {
				payment = switch (answer) {
					case Authorization.Approved approved -> payment.authorized(approved.authorizationCode(),
							this.clock.instant());
					case Authorization.Declined declined -> payment.declined(declined.reason(), this.clock.instant());
				};
				this.payments.update(payment);
			}
			// settled meanwhile (a cancel, say): the recorded outcome is the answer
			this.replies.answerAuthorize(payment);
		});
	}

	/**
	 * Cancels the order's payment. What the provider may hold (an authorization, or one that was
	 * asked for and never answered) is released there first; an order with no payment yet gets a
	 * VOIDED tombstone, which declines a late AuthorizePayment. The answer is always PaymentVoided.
	 */
	private void cancel(VoidPayment command) {
		String key = Payment.authorizeKey(command.orderId());
		Payment held = this.transactions.execute((status) -> {
			this.payments.insertIfAbsent(Payment.voidedBeforeAuthorization(command.orderId(), this.clock.instant()));
			Payment payment = this.payments.lock(key).orElseThrow();
			if (payment.needsVoiding()) {
				return payment;
			}
			if (this.inbox.firstDelivery(CONSUMER, command.eventId())) {
				this.replies.voided(command.orderId());
			}
			return null;
		});
		if (held == null) {
			return;
		}
		// also when PENDING: the provider may have authorized an attempt whose answer was lost
		this.provider.voidAuthorization(Payment.voidKey(command.orderId()), key);
		this.transactions.executeWithoutResult((status) -> {
			if (!this.inbox.firstDelivery(CONSUMER, command.eventId())) {
				return;
			}
			Payment payment = this.payments.lock(key).orElseThrow();
			if (payment.needsVoiding()) {
				this.payments.update(payment.voided(this.clock.instant()));
			}
			this.replies.voided(command.orderId());
		});
	}

}
