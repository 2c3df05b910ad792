package com.blueprintshop.payment.provider;

/** An error of the provider itself: it is out, or refused the request as malformed. */
public class ProviderException extends RuntimeException {

	public ProviderException(String message) {
		super(message);
	}

}
