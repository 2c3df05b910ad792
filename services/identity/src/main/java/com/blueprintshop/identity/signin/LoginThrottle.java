package com.blueprintshop.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The rule: at most {@code maxFailures} failed sign-ins within a sliding window. Once reached,
 * attempts are refused until enough of those failures have aged out of the window.
 */
final class LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	LoginThrottle(int maxFailures, Duration window, Clock clock) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	/** Failures at or before this instant no longer count. */
	Instant windowStart() {
		return this.clock.instant().minus(this.window);
	}

	Duration window() {
		return this.window;
	}

	/**
	 * @param failures when earlier attempts failed, in any order; those outside the window are ignored
	 * @return how long until another attempt is allowed, or empty if it is allowed now
	 */
	Optional<Duration> retryAfter(Collection<Instant> failures) {
		Instant now = this.clock.instant();
		Instant start = now.minus(this.window);
		List<Instant> recent = failures.stream().filter((failure) -> failure.isAfter(start)).sorted().toList();
		if (recent.size() < this.maxFailures) {
			return Optional.empty();
		}
		// allowed again when the count in the window drops below the limit
		Instant allowedAt = recent.get(recent.size() - this.maxFailures).plus(this.window);
		return Optional.of(Duration.between(now, allowedAt));
	}

}
