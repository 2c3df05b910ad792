package com.blueprintshop.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Failed sign-ins per account and per client address, kept in the database so that every
 * identity instance counts the same attempts.
 */
@Service
class SignInAttempts {

	private final LoginFailures failures;

	private final LoginThrottle throttle;

	private final Clock clock;

	SignInAttempts(LoginFailures failures, SignInProperties properties, Clock clock) {
		this.failures = failures;
		this.throttle = new LoginThrottle(properties.maxFailures(), properties.failureWindow(), clock);
		this.clock = clock;
	}

	/** How long the next attempt for this account from this address must wait, if at all. */
	Optional<Duration> blockedFor(String email, String clientAddress) {
		Optional<Duration> account = this.throttle
			.retryAfter(this.failures.forEmail(email, this.throttle.windowStart()));
		Optional<Duration> address = this.throttle
			.retryAfter(this.failures.forClientAddress(clientAddress, this.throttle.windowStart()));
		if (account.isEmpty()) {
			return address;
		}
		if (address.isEmpty()) {
			return account;
		}
		return Optional.of((account.get().compareTo(address.get()) >= 0) ? account.get() : address.get());
	}

	void failed(String email, String clientAddress) {
		this.failures.deleteBefore(this.throttle.windowStart());
		this.failures.add(email, clientAddress, this.clock.instant());
	}

	/** Only the account's failures: other accounts tried from the same address still count. */
	void succeeded(String email) {
		this.failures.deleteForEmail(email);
	}

}
