package com.blueprintshop.perflab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every response of a run as Gatling's stats engine saw it, in memory: the exact source of the
 * report's percentiles, timeline and progress lines (Gatling's own report uses t-digest
 * approximations, and its simulation.log is written in 8 KB blocks, too late for a live view).
 */
public final class Recorder {

	private final List<Sample> samples = new ArrayList<>();

	private final List<Crash> crashes = new ArrayList<>();

	private final AtomicInteger activeUsers = new AtomicInteger();

	private volatile long runStartMillis;

	void started(long runStartMillis) {
		this.runStartMillis = runStartMillis;
	}

	void response(String name, long startMillis, long endMillis, boolean ok, String message) {
		synchronized (this.samples) {
			this.samples.add(new Sample(name, startMillis, endMillis, ok, message));
		}
	}

	void crash(String name, String error, long atMillis) {
		synchronized (this.crashes) {
			this.crashes.add(new Crash(name, error, atMillis));
		}
	}

	void userStarted() {
		this.activeUsers.incrementAndGet();
	}

	void userEnded() {
		this.activeUsers.decrementAndGet();
	}

	/** Epoch millis of the run's start (Gatling's run message), 0 until the run started. */
	public long runStartMillis() {
		return this.runStartMillis;
	}

	public int activeUsers() {
		return this.activeUsers.get();
	}

	public int size() {
		synchronized (this.samples) {
			return this.samples.size();
		}
	}

	/** The samples recorded from index {@code from} on, in the order they were recorded. */
	public List<Sample> since(int from) {
		synchronized (this.samples) {
			return List.copyOf(this.samples.subList(Math.min(from, this.samples.size()), this.samples.size()));
		}
	}

	public List<Sample> samples() {
		return since(0);
	}

	/** Requests Gatling could not even build (a missing session value): not sent, so not in the samples. */
	public List<Crash> crashes() {
		synchronized (this.crashes) {
			return List.copyOf(this.crashes);
		}
	}

	/**
	 * One response (or failure to get one).
	 *
	 * @param startMillis epoch millis the request was sent
	 * @param endMillis epoch millis the response (or the error) came
	 * @param message why it failed, or null
	 */
	public record Sample(String name, long startMillis, long endMillis, boolean ok, String message) {

		public long millis() {
			return this.endMillis - this.startMillis;
		}

	}

	public record Crash(String name, String error, long atMillis) {
	}

}
