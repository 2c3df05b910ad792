package com.blueprintshop.launcher;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AwaitTests {

	@Test
	void returnsAsSoonAsTheConditionHolds() {
		AtomicInteger checks = new AtomicInteger();
		Await.until("the third check", Duration.ofMinutes(1), () -> checks.incrementAndGet() == 3);
		assertThat(checks).hasValue(3);
	}

	@Test
	void treatsAFailingCheckAsNotYet() {
		AtomicInteger checks = new AtomicInteger();
		Await.until("a check that fails once", Duration.ofMinutes(1), () -> {
			if (checks.incrementAndGet() == 1) {
				throw new IllegalStateException("connection refused");
			}
			return true;
		});
		assertThat(checks).hasValue(2);
	}

	@Test
	void reportsAMissedDeadlineWithTheLastFailure() {
		assertThatExceptionOfType(Await.TimedOut.class)
			.isThrownBy(() -> Await.until("catalog to become ready", Duration.ZERO, () -> {
				throw new IllegalStateException("connection refused");
			}))
			.withMessageContaining("catalog to become ready did not happen within 0 s")
			.withMessageContaining("connection refused");
	}

	@Test
	void stopsWaitingWhenTheConditionGivesUp() {
		AtomicInteger checks = new AtomicInteger();
		assertThatExceptionOfType(Await.GaveUp.class).isThrownBy(() -> Await.until("x", Duration.ofMinutes(1), () -> {
			checks.incrementAndGet();
			throw new Await.GaveUp("its process exited with code 1");
		})).withMessage("its process exited with code 1");
		assertThat(checks).hasValue(1);
	}

	@Test
	void withinAnswersFalseInsteadOfThrowing() {
		assertThat(Await.within("never", Duration.ZERO, () -> false)).isFalse();
		assertThat(Await.within("at once", Duration.ZERO, () -> true)).isTrue();
	}

}
