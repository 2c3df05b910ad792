package com.blueprintshop.payment.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.blueprintshop.payment.system.Money;
import com.blueprintshop.payment.system.PaymentProperties;

/**
 * Every call to the {@link PaymentProvider}, each bounded by {@code shop.payment.provider-timeout}:
 * an answer that comes later counts as none ({@link ProviderUnavailableException}), and so does an
 * error of the provider. Callers must not hold a transaction while they wait here. Each call is
 * timed as {@code shop.payment.provider.calls} by operation and outcome.
 */
@Component
public class ProviderCalls {

	private final PaymentProvider provider;

	private final Duration timeout;

	private final MeterRegistry meters;

	@Autowired
	ProviderCalls(PaymentProvider provider, PaymentProperties properties, MeterRegistry meters) {
		this(provider, properties.providerTimeout(), meters);
	}

	public ProviderCalls(PaymentProvider provider, Duration timeout, MeterRegistry meters) {
		this.provider = provider;
		this.timeout = timeout;
		this.meters = meters;
	}

	public Authorization authorize(String idempotencyKey, Money amount, String cardToken) {
		return call("authorize", () -> this.provider.authorize(idempotencyKey, amount, cardToken),
				(answer) -> (answer instanceof Authorization.Approved) ? "approved" : "declined");
	}

	public VoidOutcome voidAuthorization(String idempotencyKey, String authorizeKey) {
		return call("void", () -> this.provider.voidAuthorization(idempotencyKey, authorizeKey),
				(answer) -> answer.name().toLowerCase(Locale.ROOT));
	}

	public TokenizedCard tokenize(CardDetails card) {
		return call("tokenize", () -> this.provider.tokenize(card), (answer) -> "tokenized");
	}

	private <T> T call(String operation, Supplier<CompletableFuture<T>> request, Function<T, String> outcome) {
		Timer.Sample sample = Timer.start(this.meters);
		String result = "error";
		try {
			T answer = await(operation, request);
			result = outcome.apply(answer);
			return answer;
		}
		catch (ProviderUnavailableException ex) {
			result = (ex.getCause() instanceof TimeoutException) ? "timeout" : "error";
			throw ex;
		}
		finally {
			sample.stop(this.meters.timer("shop.payment.provider.calls", "operation", operation, "outcome", result));
		}
	}

	private <T> T await(String operation, Supplier<CompletableFuture<T>> request) {
		CompletableFuture<T> answer;
		try {
			answer = request.get();
		}
		catch (ProviderException ex) {
			throw new ProviderUnavailableException("The provider refused to " + operation + ": " + ex.getMessage(), ex);
		}
		try {
			return answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(false);
			throw new ProviderUnavailableException(
					"The provider did not answer " + operation + " within " + this.timeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new ProviderUnavailableException(
					"The provider could not " + operation + ": " + ((cause != null) ? cause.getMessage() : ex), cause);
		}
		catch (CancellationException ex) {
			throw new ProviderUnavailableException("The provider call to " + operation + " was cancelled", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailableException("Interrupted while waiting to " + operation, ex);
		}
	}

}
