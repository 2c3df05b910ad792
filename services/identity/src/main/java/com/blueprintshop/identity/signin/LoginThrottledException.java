package com.blueprintshop.identity.signin;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused, without checking the password, because too many recent ones failed. */
class LoginThrottledException extends AuthenticationException {

	private final long minutes;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins");
		// whole minutes, rounded up, so "try again in N minutes" is never too early
		this.minutes = Math.max(1, (retryAfter.toMillis() + 59_999) / 60_000);
	}

	long minutes() {
		return this.minutes;
	}

	String userMessage() {
		return "Too many failed sign-ins. Try again in " + this.minutes + ((this.minutes == 1) ? " minute." : " minutes.");
	}

}
