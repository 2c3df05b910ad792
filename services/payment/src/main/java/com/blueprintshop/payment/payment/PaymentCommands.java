package com.blueprintshop.payment.payment;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.defaults.messaging.Inbox;
import com.blueprintshop.payment.payment.PaymentCommand.AuthorizePayment;
import com.blueprintshop.payment.payment.PaymentCommand.VoidPayment;
import com.blueprintshop.payment.payment.PaymentReplies.Reply;
import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.ProviderCalls;
import com.blueprintshop.payment.provider.ProviderUnavailableException;
import com.blueprintshop.payment.system.Money;

/**
 * Carries out the saga's commands, idempotently by order (one payment per order, one
 * authorization at the provider under {@code authorize-<orderId>}) and, for a command from
 * Kafka, by event id (the inbox). The same steps serve both ways a command arrives: from
 * {@code payment.commands} ({@link #handle}), answered on {@code payment.replies}, and from the
 * internal REST endpoint of the synchronous checkout ({@link #authorize}, {@link #voidPayment}),
 * answered with the return value.
 *
 * <p>No transaction is open while the provider is asked. A command that needs the provider runs
 * in three steps: a first transaction records the attempt (a PENDING payment), then the
 * provider call, then a second transaction records the outcome and the answer (for Kafka: the
 * reply in the outbox and the message as handled in the inbox). A crash in between is safe: the
 * command comes again, the provider is asked again with the same key and answers as before.
 * When the provider fails or does not answer in time, {@link ProviderUnavailableException}
 * leaves here: the listener's error handler retries, then parks the command; the REST endpoint
 * answers 503. Nothing is answered meanwhile.
 */
@Service
public class PaymentCommands {

	private static final Logger log = LoggerFactory.getLogger(PaymentCommands.class);

	/** This service's name in the inbox. */
	static final String CONSUMER = "payment";

	/** An HTTP caller gets the answer back; there is no message to deduplicate. */
	private static final Delivery RETURNED = new Delivery() {

		@Override
		public boolean claim() {
			return true;
		}

		@Override
		public void answer(Reply reply) {
			// the caller has it as the return value
		}

	};

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

	/** A command from {@code payment.commands}: handled once per event id, answered on {@code payment.replies}. */
	public void handle(PaymentCommand command) {
		if (this.payments.handled(CONSUMER, command.eventId())) {
			return;
		}
		Delivery delivery = sentFor(command.eventId());
		switch (command) {
			case AuthorizePayment authorize -> authorize(authorize.orderId(), authorize.amount(),
					authorize.cardToken(), authorize.cardLast4(), delivery);
			case VoidPayment cancel -> voidPayment(cancel.orderId(), delivery);
		}
	}

	/**
	 * {@code AuthorizePayment} asked directly (the synchronous checkout).
	 * @return {@code PaymentAuthorized} or {@code PaymentDeclined}
	 * @throws ProviderUnavailableException when the provider failed or did not answer in time
	 */
	public Reply authorize(UUID orderId, Money amount, String cardToken, String cardLast4) {
		return authorize(orderId, amount, cardToken, cardLast4, RETURNED);
	}

	/**
	 * {@code VoidPayment} asked directly (the synchronous checkout's compensation).
	 * @return {@code PaymentVoided}
	 * @throws ProviderUnavailableException when the provider failed or did not answer in time
	 */
	public Reply voidPayment(UUID orderId) {
		return voidPayment(orderId, RETURNED);
	}

	/**
	 * Authorizes the order's amount once. An order that already has an answer (authorized,
	 * declined, or cancelled first) gets that answer again without a provider call.
	 * @return the answer, or {@code null} when another delivery of the same message answered it
	 */
	private Reply authorize(UUID orderId, Money amount, String cardToken, String cardLast4, Delivery delivery) {
		String key = Payment.authorizeKey(orderId);
		Step first = this.transactions.execute((status) -> {
			this.payments.insertIfAbsent(Payment.pending(orderId, amount, cardToken, cardLast4, this.clock.instant()));
			Payment payment = this.payments.lock(key).orElseThrow();
			if (!payment.settled()) {
				return Step.toAsk(payment);
			}
			Reply reply = this.replies.answerTo(payment);
			if (delivery.claim()) {
				delivery.answer(reply);
			}
			return Step.answered(reply);
		});
		if (first.attempt() == null) {
			return first.reply();
		}
		Payment attempt = first.attempt();
		if (!attempt.amount().equals(amount)) {
			log.warn("AuthorizePayment for order {} asks for {} but its payment was started for {}; authorizing that",
					orderId, amount, attempt.amount());
		}
		// the recorded attempt's amount and card, so that every retry asks the provider the same
		Authorization answer = this.provider.authorize(key, attempt.amount(), attempt.cardToken());
		return this.transactions.execute((status) -> {
			if (!delivery.claim()) {
				return null;
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
			Reply reply = this.replies.answerTo(payment);
			delivery.answer(reply);
			return reply;
		});
	}

	/**
	 * Cancels the order's payment. What the provider may hold (an authorization, or one that was
	 * asked for and never answered) is released there first; an order with no payment yet gets a
	 * VOIDED tombstone, which declines a late AuthorizePayment. The answer is always PaymentVoided.
	 * @return the answer, or {@code null} when another delivery of the same message answered it
	 */
	private Reply voidPayment(UUID orderId, Delivery delivery) {
		String key = Payment.authorizeKey(orderId);
		Payment held = this.transactions.execute((status) -> {
			this.payments.insertIfAbsent(Payment.voidedBeforeAuthorization(orderId, this.clock.instant()));
			Payment payment = this.payments.lock(key).orElseThrow();
			if (payment.needsVoiding()) {
				return payment;
			}
			if (delivery.claim()) {
				delivery.answer(this.replies.voided(orderId));
			}
			return null;
		});
		if (held == null) {
			return this.replies.voided(orderId);
		}
		// also when PENDING: the provider may have authorized an attempt whose answer was lost
		this.provider.voidAuthorization(Payment.voidKey(orderId), key);
		return this.transactions.execute((status) -> {
			if (!delivery.claim()) {
				return null;
			}
			Payment payment = this.payments.lock(key).orElseThrow();
			if (payment.needsVoiding()) {
				this.payments.update(payment.voided(this.clock.instant()));
			}
			Reply reply = this.replies.voided(orderId);
			delivery.answer(reply);
			return reply;
		});
	}

	/** A command's message: handled once by its event id, answered on {@code payment.replies}. */
	private Delivery sentFor(UUID eventId) {
		return new Delivery() {

			@Override
			public boolean claim() {
				return PaymentCommands.this.inbox.firstDelivery(CONSUMER, eventId);
			}

			@Override
			public void answer(Reply reply) {
				PaymentCommands.this.replies.send(reply);
			}

		};
	}

	/**
	 * How an answer reaches whoever asked. Both methods run inside the transaction that records
	 * the outcome.
	 */
	private interface Delivery {

		/** Whether this request is the first to be answered (false for a message delivered again). */
		boolean claim();

		void answer(Reply reply);

	}

	/** After the first transaction: the attempt to ask the provider about, or the answer it already has. */
	private record Step(Payment attempt, Reply reply) {

		static Step toAsk(Payment attempt) {
			return new Step(attempt, null);
		}

		static Step answered(Reply reply) {
			return new Step(null, reply);
		}

	}

}
