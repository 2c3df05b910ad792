package com.blueprintshop.payment.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.CardBrand;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.provider.ProviderException;
import com.blueprintshop.payment.provider.TokenizedCard;
import com.blueprintshop.payment.provider.VoidOutcome;
import com.blueprintshop.payment.system.Money;

/** The simulated far side, with its memory in a map and a waiting that records instead of waiting. */
class SimulatedProviderTests {

	private static final Money AMOUNT = new Money(new BigDecimal("12.50"), "EUR");

	private final InMemoryLedger ledger = new InMemoryLedger();

	private final RecordingWaiting waiting = new RecordingWaiting();

	private SimulatorSettings settings = settings(0, 0.0, false);

	private SimulatedProvider provider;

	private String token;

	@BeforeEach
	void setUp() {
		this.provider = new SimulatedProvider(() -> this.settings, this.ledger, this.waiting, new SplittableRandom(7),
				Runnable::run);
		this.token = answer(this.provider.tokenize(new CardDetails("4242424242424242", YearMonth.of(2031, 1), "123")))
			.token();
		this.waiting.asked.clear();
	}

	@Test
	void tokenizesACardKeepingOnlyItsTokenAndBrand() {
		TokenizedCard card = answer(
				this.provider.tokenize(new CardDetails("5555555555554444", YearMonth.of(2031, 1), "123")));
		assertThat(card.token()).matches("tok_[A-Za-z0-9]{24}");
		assertThat(card.last4()).isEqualTo("4444");
		assertThat(card.brand()).isEqualTo(CardBrand.MASTERCARD);
		assertThat(this.ledger.cards).contains(card.token()).noneMatch((kept) -> kept.contains("5555555555554444"));
	}

	@Test
	void approvesEveryAuthorizationAtDeclineRateZero() {
		for (int i = 0; i < 200; i++) {
			Authorization answer = answer(this.provider.authorize("authorize-" + i, AMOUNT, this.token));
			assertThat(answer).isInstanceOfSatisfying(Authorization.Approved.class,
					(approved) -> assertThat(approved.authorizationCode()).matches("[A-Z0-9]{6}"));
		}
	}

	@Test
	void declinesEveryAuthorizationAtDeclineRateOne() {
		this.settings = settings(0, 1.0, false);
		for (int i = 0; i < 200; i++) {
			Authorization answer = answer(this.provider.authorize("authorize-" + i, AMOUNT, this.token));
			assertThat(answer).isInstanceOfSatisfying(Authorization.Declined.class,
					(declined) -> assertThat(declined.reason()).isIn(SimulatedProvider.DECLINE_REASONS));
		}
	}

	@Test
	void declinesAboutTheConfiguredShareOfAuthorizations() {
		this.settings = settings(0, 0.3, false);
		long declined = 0;
		for (int i = 0; i < 2000; i++) {
			if (answer(this.provider.authorize("authorize-" + i, AMOUNT, this.token)) instanceof Authorization.Declined) {
				declined++;
			}
		}
		assertThat(declined).isBetween(500L, 700L);
	}

	@Test
	void answersTheSameIdempotencyKeyWithTheSameResultWhateverTheSettingsSayNow() {
		Authorization first = answer(this.provider.authorize("authorize-a", AMOUNT, this.token));
		this.settings = settings(0, 1.0, false);
		Authorization again = answer(this.provider.authorize("authorize-a", AMOUNT, this.token));
		assertThat(first).isInstanceOf(Authorization.Approved.class);
		assertThat(again).isEqualTo(first);
		assertThat(this.ledger.authorizations).hasSize(1);

		Authorization declined = answer(this.provider.authorize("authorize-b", AMOUNT, this.token));
		this.settings = settings(0, 0.0, false);
		assertThat(answer(this.provider.authorize("authorize-b", AMOUNT, this.token))).isEqualTo(declined)
			.isInstanceOf(Authorization.Declined.class);
	}

	@Test
	void declinesACardItNeverTokenized() {
		assertThat(answer(this.provider.authorize("authorize-x", AMOUNT, "tok_unknown")))
			.isEqualTo(new Authorization.Declined(SimulatedProvider.UNKNOWN_CARD));
	}

	@Test
	void failsEveryCallDuringAnOutageAndRemembersNothingOfThem() {
		this.settings = settings(0, 0.0, true);
		assertFailsAsProviderError(this.provider.authorize("authorize-a", AMOUNT, this.token));
		assertFailsAsProviderError(this.provider.voidAuthorization("void-a", "authorize-a"));
		assertFailsAsProviderError(
				this.provider.tokenize(new CardDetails("4242424242424242", YearMonth.of(2031, 1), "123")));
		assertThat(this.ledger.authorizations).isEmpty();
		assertThat(this.ledger.voids).isEmpty();

		this.settings = settings(0, 0.0, false);
		assertThat(answer(this.provider.authorize("authorize-a", AMOUNT, this.token)))
			.isInstanceOf(Authorization.Approved.class);
	}

	@Test
	void answersOnlyOnceTheConfiguredLatencyHasPassed() {
		this.settings = settings(1500, 0.0, false);
		this.waiting.holdAnswers();
		CompletableFuture<Authorization> pending = this.provider.authorize("authorize-a", AMOUNT, this.token);
		assertThat(this.waiting.asked).containsExactly(Duration.ofMillis(1500));
		assertThat(pending).isNotDone();
		this.waiting.release();
		assertThat(answer(pending)).isInstanceOf(Authorization.Approved.class);
	}

	@Test
	void waitsNothingAtZeroLatencyAndTheLatencyOfEachCallAsSetThen() {
		answer(this.provider.authorize("authorize-a", AMOUNT, this.token));
		this.settings = settings(60_000, 0.0, false);
		answer(this.provider.voidAuthorization("void-a", "authorize-a"));
		assertThat(this.waiting.asked).containsExactly(Duration.ZERO, Duration.ofMinutes(1));
	}

	@Test
	void releasesAnApprovedAuthorizationOnceAndRepeatsThatAnswerForTheSameKey() {
		answer(this.provider.authorize("authorize-a", AMOUNT, this.token));
		assertThat(answer(this.provider.voidAuthorization("void-a", "authorize-a"))).isEqualTo(VoidOutcome.VOIDED);
		assertThat(answer(this.provider.voidAuthorization("void-a", "authorize-a"))).isEqualTo(VoidOutcome.VOIDED);
		assertThat(answer(this.provider.voidAuthorization("void-again", "authorize-a")))
			.isEqualTo(VoidOutcome.NOTHING_TO_VOID);
	}

	@Test
	void declinesAnAuthorizationWhoseCancelArrivedFirst() {
		assertThat(answer(this.provider.voidAuthorization("void-a", "authorize-a")))
			.isEqualTo(VoidOutcome.NOTHING_TO_VOID);
		assertThat(answer(this.provider.authorize("authorize-a", AMOUNT, this.token)))
			.isEqualTo(new Authorization.Declined(SimulatorLedger.CANCELLED));
	}

	private static SimulatorSettings settings(int latencyMs, double declineRate, boolean outage) {
		return new SimulatorSettings(latencyMs, declineRate, outage, Instant.EPOCH);
	}

	private static <T> T answer(CompletableFuture<T> future) {
		assertThat(future).isDone();
		return future.join();
	}

	private static void assertFailsAsProviderError(CompletableFuture<?> future) {
		assertThat(future).isCompletedExceptionally();
		assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(ProviderException.class);
	}

	/** Records each delay asked for; completes at once, or when released. */
	static final class RecordingWaiting implements Waiting {

		final List<Duration> asked = new ArrayList<>();

		private CompletableFuture<Void> held;

		void holdAnswers() {
			this.held = new CompletableFuture<>();
		}

		void release() {
			this.held.complete(null);
		}

		@Override
		public CompletableFuture<Void> after(Duration delay) {
			this.asked.add(delay);
			return (this.held != null) ? this.held : CompletableFuture.completedFuture(null);
		}

	}

}
