package com.blueprintshop.launcher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one place the launcher waits: on a condition, with a deadline. Nothing is ordered by a
 * fixed sleep; the short pause between checks only keeps the poll from spinning.
 */
public final class Await {

	private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private Await() {
	}

	/** A check that may give up for good, e.g. when the process it waits on has exited. */
	@FunctionalInterface
	public interface Condition {

		boolean holds() throws Exception;

	}

	/** The condition can never hold any more; waiting longer is pointless. */
	public static final class GaveUp extends RuntimeException {

		public GaveUp(String message) {
			super(message);
		}

	}

	/** The deadline passed before the condition held. */
	public static final class TimedOut extends RuntimeException {

		public TimedOut(String description, Duration timeout, Exception lastFailure) {
			super(description + " did not happen within " + timeout.toSeconds() + " s"
					+ (lastFailure != null ? " (last check: " + describe(lastFailure) + ")" : ""), lastFailure);
		}

	}

	/**
	 * Checks {@code condition} until it holds or {@code timeout} passes. An exception from a check
	 * counts as "not yet", except {@link GaveUp}, which ends the wait at once.
	 * @throws TimedOut when the deadline passes
	 * @throws GaveUp when the condition says it never will hold
	 */
	public static void until(String description, Duration timeout, Condition condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long pause = FIRST_PAUSE_NANOS;
		Exception lastFailure = null;
		while (true) {
			try {
				if (condition.holds()) {
					return;
				}
			}
			catch (GaveUp ex) {
				throw ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GaveUp(description + ": interrupted");
			}
			catch (Exception ex) {
				lastFailure = ex;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new TimedOut(description, timeout, lastFailure);
			}
			LockSupport.parkNanos(Math.min(pause, left));
			if (Thread.interrupted()) {
				throw new GaveUp(description + ": interrupted");
			}
			pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
		}
	}

	/** Like {@link #until} but reports a missed deadline as {@code false} instead of throwing. */
	public static boolean within(String description, Duration timeout, Condition condition) {
		try {
			until(description, timeout, condition);
			return true;
		}
		catch (TimedOut ex) {
			return false;
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + (message != null ? ": " + message : "");
	}

}
