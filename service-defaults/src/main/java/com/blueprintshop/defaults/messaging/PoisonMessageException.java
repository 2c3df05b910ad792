package com.blueprintshop.defaults.messaging;

/**
 * A message that no redelivery can make acceptable: malformed, of an unknown type, or naming
 * something that cannot exist. The listener's error handler parks it on the dead-letter topic at
 * once instead of retrying it.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message) {
		super(message);
	}

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
