package com.blueprintshop.perflab.limits;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code wrk --latency} printed: requests per second and the 99th percentile. */
record WrkOutput(double requestsPerSecond, double p99Ms, long errors) {

	private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern P99 = Pattern.compile("^\\s*99%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	static WrkOutput parse(String output) {
		Matcher rps = RPS.matcher(output);
		Matcher p99 = P99.matcher(output);
		if (!rps.find() || !p99.find()) {
			throw new IllegalArgumentException("not wrk --latency output: " + output);
		}
		long errors = 0;
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int i = 1; i <= 4; i++) {
				errors += Long.parseLong(socket.group(i));
			}
		}
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		return new WrkOutput(Double.parseDouble(rps.group(1)), millis(Double.parseDouble(p99.group(1)), p99.group(2)),
				errors);
	}

	private static double millis(double value, String unit) {
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			case "m" -> value * 60_000;
			default -> value;
		};
	}

}
