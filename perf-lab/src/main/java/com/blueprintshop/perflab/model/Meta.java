package com.blueprintshop.perflab.model;

import java.time.Instant;
import java.util.Map;

/**
 * @param id the run's name (its output folder)
 * @param profile the journey or mix run: {@code browse}, {@code buy}, {@code account}, {@code staff}, {@code mix}
 * @param startedAt when the load began
 * @param durationSeconds how long load was applied, warm-up included
 * @param warmupSeconds the first seconds, left out of {@link LoadRun#requests()}
 * @param target the base URL the load went to
 * @param injection how load was applied
 * @param machine what it ran on
 * @param loadGeneratorCpuShare the load generator's share of the machine's CPU in the measured
 * window (0..1): on a shared machine every figure is read with it
 * @param ablations the tactics switched off during the run, with how (e.g. {@code async-checkout → sync})
 */
public record Meta(String id, String profile, Instant startedAt, double durationSeconds, double warmupSeconds,
		String target, Injection injection, Machine machine, double loadGeneratorCpuShare,
		Map<String, String> ablations) {
}
