package com.blueprintshop.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.blueprintshop.payment.system.Money;

class ProviderCallsTests {

	private static final Money AMOUNT = new Money(new BigDecimal("10.00"), "EUR");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void passesTheProvidersAnswerOnIncludingADecline() {
		ProviderCalls calls = new ProviderCalls(answering(new Authorization.Declined("do not honor")),
				Duration.ofSeconds(5), this.meters);
		assertThat(calls.authorize("authorize-1", AMOUNT, "tok_1")).isEqualTo(new Authorization.Declined("do not honor"));
		assertThat(this.meters.timer("shop.payment.provider.calls", "operation", "authorize", "outcome", "declined")
			.count()).isOne();
	}

	@Test
	void countsAnAnswerThatDoesNotComeWithinTheTimeoutAsAFailure() {
		CompletableFuture<Authorization> never = new CompletableFuture<>();
		ProviderCalls calls = new ProviderCalls(answering(never), Duration.ofMillis(20), this.meters);
		assertThatThrownBy(() -> calls.authorize("authorize-1", AMOUNT, "tok_1"))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasCauseInstanceOf(TimeoutException.class)
			.hasMessageContaining("within 20 ms");
		assertThat(never).isCancelled();
		assertThat(this.meters.timer("shop.payment.provider.calls", "operation", "authorize", "outcome", "timeout")
			.count()).isOne();
	}

	@Test
	void turnsAnErrorOfTheProviderIntoARetryableFailure() {
		ProviderCalls calls = new ProviderCalls(
				answering(CompletableFuture.failedFuture(new ProviderException("simulated outage"))),
				Duration.ofSeconds(5), this.meters);
		assertThatThrownBy(() -> calls.authorize("authorize-1", AMOUNT, "tok_1"))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasCauseInstanceOf(ProviderException.class)
			.hasMessageContaining("simulated outage");
		assertThatThrownBy(() -> calls.voidAuthorization("void-1", "authorize-1"))
			.isInstanceOf(ProviderUnavailableException.class);
		assertThat(this.meters.timer("shop.payment.provider.calls", "operation", "authorize", "outcome", "error")
			.count()).isOne();
	}

	private static PaymentProvider answering(Authorization answer) {
		return answering(CompletableFuture.completedFuture(answer));
	}

	private static PaymentProvider answering(CompletableFuture<Authorization> answer) {
		return new PaymentProvider() {

			@Override
			public CompletableFuture<Authorization> authorize(String idempotencyKey, Money amount, String cardToken) {
				return answer;
			}

			@Override
			public CompletableFuture<VoidOutcome> voidAuthorization(String idempotencyKey, String authorizeKey) {
				return answer.thenApply((done) -> VoidOutcome.VOIDED);
			}

			@Override
			public CompletableFuture<TokenizedCard> tokenize(CardDetails card) {
				return answer.thenApply((done) -> new TokenizedCard("tok_1", card.last4(), card.brand()));
			}

		};
	}

}
