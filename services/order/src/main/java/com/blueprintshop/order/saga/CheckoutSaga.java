package com.blueprintshop.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.order.saga.Decision.Outcome;
import com.blueprintshop.order.system.OrderProperties;

/**
 * The checkout saga: the steps that turn a placed order into a confirmed one, and what undoes
 * each of them. It holds no state and touches nothing: given the saga's state and what just
 * happened, it decides the next state, the commands to send and what becomes of the order.
 * {@link SagaCoordinator} persists that decision in one transaction with the outbox.
 *
 * <pre>
 *  step                action sent        answer awaited                       compensation
 *  1 reserve stock     ReserveStock       StockReserved | StockUnavailable     ReleaseStock
 *  2 authorize payment AuthorizePayment   PaymentAuthorized | PaymentDeclined  VoidPayment
 *  3 confirm order     CommitStock        (local: the order becomes CONFIRMED)
 *  4 notify            OrderConfirmed on order.events (notification writes to the shopper)
 * </pre>
 *
 * A refusal at step n compensates the steps before n (inventory reserves all lines or none, a
 * declined card holds nothing). A step that gets no answer by its deadline compensates itself as
 * well, because its answer may still come: the compensation follows the late command on the same
 * partition, so it undoes it. A cancellation compensates every step started. Compensations run
 * last step first.
 */
final class CheckoutSaga {

	static final Step RESERVE_STOCK = new Step("reserve stock", Phase.AWAITING_STOCK, SagaCommand.RESERVE_STOCK,
			Reply.Kind.STOCK_RESERVED, Reply.Kind.STOCK_UNAVAILABLE, "STOCK_SHORTAGE", "STOCK_TIMEOUT",
			"Some items could not be reserved in time. Nothing was charged; please try again.",
			SagaCommand.RELEASE_STOCK);

	static final Step AUTHORIZE_PAYMENT = new Step("authorize payment", Phase.AWAITING_PAYMENT,
			SagaCommand.AUTHORIZE_PAYMENT, Reply.Kind.PAYMENT_AUTHORIZED, Reply.Kind.PAYMENT_DECLINED,
			"PAYMENT_DECLINED", "PAYMENT_TIMEOUT",
			"The payment could not be authorized in time. Your card was not charged; please try again.",
			SagaCommand.VOID_PAYMENT);

	/** The steps that wait for another service, in order. Then: confirm, notify. */
	static final List<Step> STEPS = List.of(RESERVE_STOCK, AUTHORIZE_PAYMENT);

	private final Duration stockTimeout;

	private final Duration paymentTimeout;

	CheckoutSaga(Duration stockTimeout, Duration paymentTimeout) {
		this.stockTimeout = stockTimeout;
		this.paymentTimeout = paymentTimeout;
	}

	/** The saga with the bounds of {@code shop.order.saga}. */
	static CheckoutSaga of(OrderProperties properties) {
		return new CheckoutSaga(properties.saga().stockTimeout(), properties.saga().paymentTimeout());
	}

	/** A placed order: step 1 begins. */
	Decision start(UUID orderId, UUID customerId, Instant now) {
		SagaState initial = new SagaState(orderId, customerId, Phase.AWAITING_STOCK, false, false, null, 0);
		return begin(initial, STEPS.getFirst(), now);
	}

	/** An answer from inventory or payment. Anything the current step does not await is ignored. */
	Decision onReply(SagaState state, Reply reply, Instant now) {
		Step step = awaited(state);
		if (step == null) {
			return Decision.ignore(state);
		}
		if (reply.kind() == step.success()) {
			int next = STEPS.indexOf(step) + 1;
			return (next < STEPS.size()) ? begin(state, STEPS.get(next), now) : confirm(state);
		}
		if (reply.kind() == step.failure()) {
			String reason = (reply.detail() != null) ? reply.detail() : step.name() + " failed";
			return reject(state, compensationsBefore(state, step, false), step.failureCode(), reason);
		}
		return Decision.ignore(state);
	}

	/** The current step's deadline passed without an answer. */
	Decision onDeadline(SagaState state, Instant now) {
		Step step = awaited(state);
		if (step == null || state.deadline() == null || now.isBefore(state.deadline())) {
			return Decision.ignore(state);
		}
		return reject(state, compensationsBefore(state, step, true), step.timeoutCode(), step.timeoutReason());
	}

	/**
	 * The shopper cancels. Allowed while the saga runs and once it has confirmed (the caller checks
	 * that the order has not shipped); a rejected or cancelled order has nothing left to undo.
	 */
	Decision cancel(SagaState state, String reason) {
		if (!state.phase().waiting() && state.phase() != Phase.CONFIRMED) {
			throw new IllegalStateException("The saga of order " + state.orderId() + " has ended " + state.phase());
		}
		List<SagaCommand> compensations = new ArrayList<>();
		for (Step step : STEPS.reversed()) {
			if (requested(state, step)) {
				compensations.add(step.compensation());
			}
		}
		SagaState cancelled = state.next(Phase.CANCELLED, state.stockRequested(), state.paymentRequested(), null);
		return new Decision(cancelled, compensations, Outcome.cancelled(reason));
	}

	private Decision begin(SagaState state, Step step, Instant now) {
		boolean stock = state.stockRequested() || step == RESERVE_STOCK;
		boolean payment = state.paymentRequested() || step == AUTHORIZE_PAYMENT;
		Duration bound = (step == RESERVE_STOCK) ? this.stockTimeout : this.paymentTimeout;
		SagaState waiting = state.next(step.awaiting(), stock, payment, now.plus(bound));
		return new Decision(waiting, List.of(step.action()), Outcome.none());
	}

	private Decision confirm(SagaState state) {
		SagaState confirmed = state.next(Phase.CONFIRMED, state.stockRequested(), state.paymentRequested(), null);
		return new Decision(confirmed, List.of(SagaCommand.COMMIT_STOCK), Outcome.confirmed());
	}

	private Decision reject(SagaState state, List<SagaCommand> compensations, String code, String reason) {
		SagaState rejected = state.next(Phase.REJECTED, state.stockRequested(), state.paymentRequested(), null);
		return new Decision(rejected, compensations, Outcome.rejected(code, reason));
	}

	/** Compensations of the steps before {@code failed} (and of {@code failed} itself if asked), last first. */
	private static List<SagaCommand> compensationsBefore(SagaState state, Step failed, boolean includingFailed) {
		List<SagaCommand> compensations = new ArrayList<>();
		int last = STEPS.indexOf(failed) - (includingFailed ? 0 : 1);
		for (int i = last; i >= 0; i--) {
			if (requested(state, STEPS.get(i))) {
				compensations.add(STEPS.get(i).compensation());
			}
		}
		return compensations;
	}

	private static boolean requested(SagaState state, Step step) {
		return (step == RESERVE_STOCK) ? state.stockRequested() : state.paymentRequested();
	}

	private static Step awaited(SagaState state) {
		return STEPS.stream().filter((step) -> step.awaiting() == state.phase()).findFirst().orElse(null);
	}

	/**
	 * One step that waits for another service.
	 *
	 * @param name what it does
	 * @param awaiting the phase the saga is in while the step waits
	 * @param action the command that does it
	 * @param success the answer that moves the saga on
	 * @param failure the answer that rejects the order
	 * @param failureCode the rejection's reason code on that answer
	 * @param timeoutCode the rejection's reason code when no answer comes in time
	 * @param timeoutReason what the shopper is told then
	 * @param compensation the command that undoes it
	 */
	record Step(String name, Phase awaiting, SagaCommand action, Reply.Kind success, Reply.Kind failure,
			String failureCode, String timeoutCode, String timeoutReason, SagaCommand compensation) {
	}

}
