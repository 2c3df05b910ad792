package com.blueprintshop.storefront.system;

/**
 * The gateway or the service behind it did not answer usefully: a 5xx, a 429, a refused or
 * timed-out connection, no gateway instance in discovery. The page says so and asks the user to
 * try again; it is never the user's mistake.
 */
public final class ServiceUnavailableException extends GatewayException {

	private final int status;

	ServiceUnavailableException(String message, Throwable cause) {
		this(message, 0, cause);
	}

	ServiceUnavailableException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * The gateway did not accept the user's token (a 401) although Spring Security refreshes it
	 * before it expires. Most pages treat that like any other failure; a page that holds work in
	 * progress (checkout) may send the user to sign in again instead.
	 */
	public boolean tokenRejected() {
		return this.status == 401;
	}

}
