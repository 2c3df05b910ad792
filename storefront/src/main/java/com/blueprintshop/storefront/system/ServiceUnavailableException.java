package com.blueprintshop.storefront.system;

/**
 * The gateway or the service behind it did not answer usefully: a 5xx, a 429, a refused or
 * timed-out connection, no gateway instance in discovery. The page says so and asks the user to
 * try again; it is never the user's mistake.
 */
public final class ServiceUnavailableException extends GatewayException {

	ServiceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
