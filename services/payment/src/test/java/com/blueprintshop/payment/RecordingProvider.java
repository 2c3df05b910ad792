package com.blueprintshop.payment;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.provider.PaymentProvider;
import com.blueprintshop.payment.provider.TokenizedCard;
import com.blueprintshop.payment.provider.VoidOutcome;
import com.blueprintshop.payment.simulator.SimulatedProvider;
import com.blueprintshop.payment.system.Money;

/**
 * The simulated provider with a count of the requests that reach it, by idempotency key: what a
 * test asserts when it says the provider was (not) asked again.
 */
public class RecordingProvider implements PaymentProvider {

	private final PaymentProvider delegate;

	private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();

	private final Queue<String> voids = new ConcurrentLinkedQueue<>();

	RecordingProvider(PaymentProvider delegate) {
		this.delegate = delegate;
	}

	public long authorizations(String idempotencyKey) {
		return this.authorizations.stream().filter(idempotencyKey::equals).count();
	}

	public long voids(String idempotencyKey) {
		return this.voids.stream().filter(idempotencyKey::equals).count();
	}

	@Override
	public CompletableFuture<Authorization> authorize(String idempotencyKey, Money amount, String cardToken) {
		this.authorizations.add(idempotencyKey);
		return this.delegate.authorize(idempotencyKey, amount, cardToken);
	}

	@Override
	public CompletableFuture<VoidOutcome> voidAuthorization(String idempotencyKey, String authorizeKey) {
		this.voids.add(idempotencyKey);
		return this.delegate.voidAuthorization(idempotencyKey, authorizeKey);
	}

	@Override
	public CompletableFuture<TokenizedCard> tokenize(CardDetails card) {
		return this.delegate.tokenize(card);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		RecordingProvider recordingProvider(SimulatedProvider simulated) {
			return new RecordingProvider(simulated);
		}

	}

}
