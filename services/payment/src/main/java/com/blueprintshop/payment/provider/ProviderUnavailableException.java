package com.blueprintshop.payment.provider;

/**
 * A provider call that did not come back with an answer: an error of the provider, or no
 * answer within {@code shop.payment.provider-timeout}. Whether the provider acted on it is
 * unknown, so the caller repeats it later with the same idempotency key, which makes that safe.
 * A Kafka listener lets it propagate: the shared error handler retries with backoff, then parks
 * the message on the dead-letter topic.
 */
public class ProviderUnavailableException extends RuntimeException {

	public ProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
