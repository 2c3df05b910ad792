package com.blueprintshop.perflab.model;

import java.util.Map;

/**
 * One request type (or {@code all}) over the measured window.
 *
 * @param name the request's name in the journey, e.g. {@code product page}
 * @param count requests sent
 * @param ok answered as expected
 * @param ko failed: an error status, a failed check, a timeout, a refused connection
 * @param rps completed requests per second
 * @param errors failures by kind (e.g. {@code status 503}, {@code timeout}, {@code connection refused}) with their counts
 */
public record RequestStats(String name, long count, long ok, long ko, double rps, double p50Ms, double p90Ms,
		double p99Ms, double p999Ms, double maxMs, double meanMs, Map<String, Long> errors) {
}
