package com.blueprintshop.perflab.journey;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How journeys ended, beyond the requests' own statuses: orders CONFIRMED or REJECTED (both are
 * the system answering), orders still PENDING when the polling gave up, products without stock.
 */
public final class Outcomes {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	public void count(String outcome) {
		this.counts.computeIfAbsent(outcome, (k) -> new LongAdder()).increment();
	}

	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((k, v) -> snapshot.put(k, v.sum()));
		return snapshot;
	}

}
