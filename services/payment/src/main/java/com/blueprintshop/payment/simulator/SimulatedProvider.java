package com.blueprintshop.payment.simulator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.provider.PaymentProvider;
import com.blueprintshop.payment.provider.ProviderException;
import com.blueprintshop.payment.provider.TokenizedCard;
import com.blueprintshop.payment.provider.VoidOutcome;
import com.blueprintshop.payment.system.Money;

/**
 * The card provider on the far side, simulated in-process but behaving as a remote one would:
 * it remembers every idempotency key and answers it again as it did the first time; it declines
 * a share of new authorizations ({@code declineRate}), takes {@code latencyMs} to answer, and
 * during an {@code outage} fails every call. Its work runs on its own threads and its answers
 * travel back through a {@link Waiting}, so a caller's thread never sleeps here and holds no
 * database connection while the latency passes. It keeps no card data: a token and its brand.
 */
public class SimulatedProvider implements PaymentProvider, AutoCloseable {

	static final List<String> DECLINE_REASONS = List.of("insufficient funds", "do not honor", "suspected fraud",
			"exceeds card limit");

	static final String UNKNOWN_CARD = "unknown card";

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Supplier<SimulatorSettings> settings;

	private final SimulatorLedger ledger;

	private final Waiting waiting;

	private final RandomGenerator random;

	private final Executor farSide;

	SimulatedProvider(Supplier<SimulatorSettings> settings, SimulatorLedger ledger, Waiting waiting,
			RandomGenerator random, Executor farSide) {
		this.settings = settings;
		this.ledger = ledger;
		this.waiting = waiting;
		this.random = random;
		this.farSide = farSide;
	}

	@Override
	public CompletableFuture<Authorization> authorize(String idempotencyKey, Money amount, String cardToken) {
		return answer((current) -> this.ledger.authorizeOnce(idempotencyKey, amount,
				() -> decide(cardToken, current.declineRate())));
	}

	@Override
	public CompletableFuture<VoidOutcome> voidAuthorization(String idempotencyKey, String authorizeKey) {
		return answer((current) -> this.ledger.voidOnce(idempotencyKey, authorizeKey));
	}

	@Override
	public CompletableFuture<TokenizedCard> tokenize(CardDetails card) {
		return answer((current) -> {
			String token = "tok_" + randomText(BASE62, 24);
			this.ledger.rememberCard(token, card.brand());
			return new TokenizedCard(token, card.last4(), card.brand());
		});
	}

	/** The far side's work, then its answer after the latency; an error at once during an outage. */
	private <T> CompletableFuture<T> answer(Function<SimulatorSettings, T> work) {
		return CompletableFuture.supplyAsync(() -> {
			SimulatorSettings current = this.settings.get();
			if (current.outage()) {
				throw new ProviderException("the provider is unavailable (simulated outage)");
			}
			return new Answer<>(work.apply(current), current);
		}, this.farSide).thenCompose((answer) -> this.waiting.after(answer.settings().latency()).thenApply((done) -> answer.value()));
	}

	private Authorization decide(String cardToken, double declineRate) {
		if (!this.ledger.knowsCard(cardToken)) {
			return new Authorization.Declined(UNKNOWN_CARD);
		}
		if (this.random.nextDouble() < declineRate) {
			return new Authorization.Declined(DECLINE_REASONS.get(this.random.nextInt(DECLINE_REASONS.size())));
		}
		return new Authorization.Approved(randomText(ALPHANUMERIC, 6));
	}

	private String randomText(String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	@Override
	public void close() {
		if (this.farSide instanceof ExecutorService executor) {
			executor.close();
		}
	}

	private record Answer<T>(T value, SimulatorSettings settings) {
	}

}
