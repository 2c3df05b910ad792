package com.blueprintshop.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.blueprintshop.order.saga.Decision.Outcome;

/** Every path of the checkout saga, decided without a broker, a database or a clock. */
class CheckoutSagaTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private final CheckoutSaga saga = new CheckoutSaga(Duration.ofSeconds(10), Duration.ofSeconds(20));

	private final UUID order = UUID.randomUUID();

	private final UUID customer = UUID.randomUUID();

	@Test
	void reservesStockFirstAndWaitsForItWithADeadline() {
		Decision started = this.saga.start(this.order, this.customer, T0);
		assertThat(started.state().phase()).isEqualTo(Phase.AWAITING_STOCK);
		assertThat(started.state().deadline()).isEqualTo(T0.plusSeconds(10));
		assertThat(started.state().stockRequested()).isTrue();
		assertThat(started.commands()).containsExactly(SagaCommand.RESERVE_STOCK);
		assertThat(started.outcome().kind()).isEqualTo(Outcome.Kind.NONE);
	}

	@Test
	void theHappyPathReservesAuthorizesCommitsAndConfirms() {
		SagaState reserving = this.saga.start(this.order, this.customer, T0).state();
		Decision reserved = this.saga.onReply(reserving, Reply.of(Reply.Kind.STOCK_RESERVED), T0.plusSeconds(1));
		assertThat(reserved.state().phase()).isEqualTo(Phase.AWAITING_PAYMENT);
		assertThat(reserved.state().deadline()).isEqualTo(T0.plusSeconds(21));
		assertThat(reserved.commands()).containsExactly(SagaCommand.AUTHORIZE_PAYMENT);

		Decision authorized = this.saga.onReply(reserved.state(), Reply.of(Reply.Kind.PAYMENT_AUTHORIZED),
				T0.plusSeconds(2));
		assertThat(authorized.state().phase()).isEqualTo(Phase.CONFIRMED);
		assertThat(authorized.state().deadline()).isNull();
		assertThat(authorized.commands()).containsExactly(SagaCommand.COMMIT_STOCK);
		assertThat(authorized.outcome().kind()).isEqualTo(Outcome.Kind.CONFIRMED);
	}

	@Test
	void aStockShortageRejectsTheOrderWithNothingToUndo() {
		SagaState reserving = this.saga.start(this.order, this.customer, T0).state();
		Decision shortage = this.saga.onReply(reserving,
				new Reply(Reply.Kind.STOCK_UNAVAILABLE, "Not enough stock of A-1 (0 left, 1 asked for)."),
				T0.plusSeconds(1));
		assertThat(shortage.state().phase()).isEqualTo(Phase.REJECTED);
		assertThat(shortage.commands()).as("inventory reserves all lines or none").isEmpty();
		assertThat(shortage.outcome().kind()).isEqualTo(Outcome.Kind.REJECTED);
		assertThat(shortage.outcome().reasonCode()).isEqualTo("STOCK_SHORTAGE");
		assertThat(shortage.outcome().reason()).contains("A-1");
	}

	@Test
	void aDeclinedPaymentReleasesTheReservedStock() {
		SagaState paying = paying();
		Decision declined = this.saga.onReply(paying, new Reply(Reply.Kind.PAYMENT_DECLINED, "Card declined."),
				T0.plusSeconds(3));
		assertThat(declined.state().phase()).isEqualTo(Phase.REJECTED);
		assertThat(declined.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
		assertThat(declined.outcome().reasonCode()).isEqualTo("PAYMENT_DECLINED");
		assertThat(declined.outcome().reason()).isEqualTo("Card declined.");
	}

	@Test
	void aPaymentThatTimesOutIsVoidedAndItsStockReleased() {
		SagaState paying = paying();
		assertThat(this.saga.onDeadline(paying, paying.deadline().minusMillis(1)).changes())
			.as("not yet due")
			.isFalse();
		Decision timedOut = this.saga.onDeadline(paying, paying.deadline());
		assertThat(timedOut.state().phase()).isEqualTo(Phase.REJECTED);
		assertThat(timedOut.commands()).as("last step first").containsExactly(SagaCommand.VOID_PAYMENT,
				SagaCommand.RELEASE_STOCK);
		assertThat(timedOut.outcome().reasonCode()).isEqualTo("PAYMENT_TIMEOUT");
		assertThat(timedOut.outcome().reason()).contains("not charged");
	}

	@Test
	void aStockReservationThatTimesOutIsReleasedInCaseItHappensLate() {
		SagaState reserving = this.saga.start(this.order, this.customer, T0).state();
		Decision timedOut = this.saga.onDeadline(reserving, T0.plusSeconds(11));
		assertThat(timedOut.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
		assertThat(timedOut.outcome().reasonCode()).isEqualTo("STOCK_TIMEOUT");
	}

	@Test
	void cancellingWhilePayingUndoesBothStepsLastFirst() {
		Decision cancelled = this.saga.cancel(paying(), "Cancelled at your request.");
		assertThat(cancelled.state().phase()).isEqualTo(Phase.CANCELLED);
		assertThat(cancelled.state().deadline()).isNull();
		assertThat(cancelled.commands()).containsExactly(SagaCommand.VOID_PAYMENT, SagaCommand.RELEASE_STOCK);
		assertThat(cancelled.outcome().kind()).isEqualTo(Outcome.Kind.CANCELLED);
	}

	@Test
	void cancellingAConfirmedOrderVoidsThePaymentAndRestocks() {
		SagaState confirmed = this.saga.onReply(paying(), Reply.of(Reply.Kind.PAYMENT_AUTHORIZED), T0.plusSeconds(3))
			.state();
		Decision cancelled = this.saga.cancel(confirmed, "Cancelled at your request.");
		assertThat(cancelled.commands()).containsExactly(SagaCommand.VOID_PAYMENT, SagaCommand.RELEASE_STOCK);
	}

	@Test
	void cancellingWhileReservingReleasesOnlyTheStock() {
		SagaState reserving = this.saga.start(this.order, this.customer, T0).state();
		assertThat(this.saga.cancel(reserving, "x").commands()).containsExactly(SagaCommand.RELEASE_STOCK);
	}

	@Test
	void anEndedSagaCannotBeCancelled() {
		SagaState rejected = this.saga.onDeadline(paying(), T0.plusSeconds(60)).state();
		assertThatIllegalStateException().isThrownBy(() -> this.saga.cancel(rejected, "x"));
	}

	@Test
	void lateRepeatedAndUnexpectedAnswersChangeNothing() {
		SagaState paying = paying();
		assertThat(this.saga.onReply(paying, Reply.of(Reply.Kind.STOCK_RESERVED), T0.plusSeconds(3)).changes())
			.as("a repeated StockReserved")
			.isFalse();
		SagaState rejected = this.saga.onDeadline(paying, T0.plusSeconds(60)).state();
		assertThat(this.saga.onReply(rejected, Reply.of(Reply.Kind.PAYMENT_AUTHORIZED), T0.plusSeconds(61)).changes())
			.as("an authorization after the timeout: the VoidPayment already sent follows it")
			.isFalse();
		assertThat(this.saga.onReply(paying, Reply.of(Reply.Kind.STOCK_RELEASED), T0.plusSeconds(3)).changes())
			.isFalse();
		assertThat(this.saga.onDeadline(rejected, T0.plusSeconds(120)).changes()).isFalse();
	}

	@Test
	void declaresItsStepsInOrderEachWithItsCompensation() {
		assertThat(CheckoutSaga.STEPS).extracting(CheckoutSaga.Step::name)
			.containsExactly("reserve stock", "authorize payment");
		assertThat(CheckoutSaga.STEPS).extracting(CheckoutSaga.Step::compensation)
			.containsExactly(SagaCommand.RELEASE_STOCK, SagaCommand.VOID_PAYMENT);
	}

	private SagaState paying() {
		SagaState reserving = this.saga.start(this.order, this.customer, T0).state();
		return this.saga.onReply(reserving, Reply.of(Reply.Kind.STOCK_RESERVED), T0.plusSeconds(1)).state();
	}

}
