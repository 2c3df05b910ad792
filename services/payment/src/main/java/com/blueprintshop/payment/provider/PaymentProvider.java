package com.blueprintshop.payment.provider;

import java.util.concurrent.CompletableFuture;

import com.blueprintshop.payment.system.Money;

/**
 * The card provider, as the payment service sees it: a remote party that answers later, or not
 * at all. Every request that changes something carries an idempotency key, and the provider
 * answers a key it has seen with the answer it gave the first time, so a caller that lost an
 * answer (a timeout, a crash) asks again with the same key and never authorizes twice.
 *
 * <p>Answers come as futures so that the caller can bound its wait ({@link ProviderCalls} does,
 * for every call) without a thread of its own sleeping, and without holding a database
 * connection or transaction meanwhile. A future that fails with {@link ProviderException} is an
 * error of the provider (it is out, say); a decline is an answer, not an error.
 */
public interface PaymentProvider {

	/**
	 * Asks for an authorization (a hold) of {@code amount} on the tokenized card.
	 * @param idempotencyKey the caller's reference for this authorization; the same key always
	 * gets the same answer, and cancels refer to it ({@link #voidAuthorization})
	 */
	CompletableFuture<Authorization> authorize(String idempotencyKey, Money amount, String cardToken);

	/**
	 * Cancels the authorization made under {@code authorizeKey}, if there is one. A cancel that
	 * arrives before its authorization (which the caller never got an answer for) still counts:
	 * the authorization is then declined when it comes.
	 * @param idempotencyKey the caller's reference for this cancel
	 */
	CompletableFuture<VoidOutcome> voidAuthorization(String idempotencyKey, String authorizeKey);

	/** Exchanges a card for a token the provider accepts in place of the card from then on. */
	CompletableFuture<TokenizedCard> tokenize(CardDetails card);

}
