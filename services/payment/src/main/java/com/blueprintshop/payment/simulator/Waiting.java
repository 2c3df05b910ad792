package com.blueprintshop.payment.simulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How the simulator lets its latency pass: a future completed after the delay, so that no thread
 * sleeps and the caller waits only as long as it chooses to (its own timeout). Tests put in one
 * that completes at once and records what it was asked for.
 */
@FunctionalInterface
public interface Waiting {

	CompletableFuture<Void> after(Duration delay);

	/** Completes from the JDK's shared delay scheduler ({@link CompletableFuture#delayedExecutor}). */
	static Waiting scheduled() {
		return (delay) -> {
			if (delay.isZero() || delay.isNegative()) {
				return CompletableFuture.completedFuture(null);
			}
			return CompletableFuture.runAsync(() -> {
			}, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
		};
	}

}
