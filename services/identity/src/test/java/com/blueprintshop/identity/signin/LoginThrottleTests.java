package com.blueprintshop.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.blueprintshop.identity.MutableClock;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), this.clock);

	private final List<Instant> failures = new ArrayList<>();

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			this.failures.add(this.clock.instant());
		}
	}

	@Test
	void allowsAttemptsWhileFewerThanFiveFailed() {
		fail(4);
		assertThat(this.throttle.retryAfter(this.failures)).isEmpty();
	}

	@Test
	void blocksTheSixthAttemptForTheWholeWindow() {
		fail(5);
		assertThat(this.throttle.retryAfter(this.failures)).contains(Duration.ofMinutes(15));
	}

	@Test
	void allowsAgainOnceTheOldestCountingFailureLeavesTheWindow() {
		fail(1);
		this.clock.advance(Duration.ofMinutes(5));
		fail(4);
		assertThat(this.throttle.retryAfter(this.failures)).contains(Duration.ofMinutes(10));

		this.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
		assertThat(this.throttle.retryAfter(this.failures)).contains(Duration.ofSeconds(1));

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.retryAfter(this.failures)).isEmpty();
	}

	@Test
	void staysBlockedUntilEnoughFailuresHaveAgedOut() {
		fail(3);
		this.clock.advance(Duration.ofMinutes(1));
		fail(4);
		// seven failures: allowed only when the count drops to four, i.e. after the first three
		// and one of the later four have left the window
		assertThat(this.throttle.retryAfter(this.failures)).contains(Duration.ofMinutes(14));
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.throttle.retryAfter(this.failures)).isEmpty();
	}

	@Test
	void ignoresFailuresOutsideTheWindowInAnyOrder() {
		fail(2);
		this.clock.advance(Duration.ofMinutes(20));
		fail(4);
		this.failures.sort((a, b) -> b.compareTo(a));
		assertThat(this.throttle.retryAfter(this.failures)).isEmpty();
		assertThat(this.throttle.windowStart()).isEqualTo(this.clock.instant().minus(Duration.ofMinutes(15)));
	}

	@Test
	void tellsWholeMinutesRoundedUp() {
		assertThat(new LoginThrottledException(Duration.ofMinutes(15)).userMessage())
			.isEqualTo("Too many failed sign-ins. Try again in 15 minutes.");
		assertThat(new LoginThrottledException(Duration.ofSeconds(61)).userMessage())
			.isEqualTo("Too many failed sign-ins. Try again in 2 minutes.");
		assertThat(new LoginThrottledException(Duration.ofSeconds(1)).userMessage())
			.isEqualTo("Too many failed sign-ins. Try again in 1 minute.");
	}

}
