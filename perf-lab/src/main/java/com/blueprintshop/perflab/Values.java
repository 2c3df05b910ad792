package com.blueprintshop.perflab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Option values as typed: durations ({@code 60s}, {@code 2m}, {@code 500ms}, {@code 1.5s}), rates, lists. */
final class Values {

	private static final Pattern DURATION = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?$");

	private Values() {
	}

	/** Seconds; a bare number is seconds. */
	static double seconds(String option, String text) {
		Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
		if (!m.matches()) {
			throw new UsageException(option + ": '" + text + "' is not a duration (such as 60s, 2m, 500ms)");
		}
		double value = Double.parseDouble(m.group(1));
		String unit = (m.group(2) != null) ? m.group(2) : "s";
		return switch (unit) {
			case "ms" -> value / 1000;
			case "m" -> value * 60;
			case "h" -> value * 3600;
			default -> value;
		};
	}

	static double positive(String option, double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new UsageException(option + " must be greater than 0, not " + value);
		}
		return value;
	}

	static List<Double> rates(String option, String text) {
		List<Double> rates = new ArrayList<>();
		for (String part : text.split(",")) {
			try {
				rates.add(positive(option, Double.parseDouble(part.strip())));
			}
			catch (NumberFormatException ex) {
				throw new UsageException(option + ": '" + part.strip() + "' is not a number");
			}
		}
		return rates;
	}

	static List<Integer> counts(String option, String text) {
		List<Integer> counts = new ArrayList<>();
		for (String part : text.split(",")) {
			try {
				int n = Integer.parseInt(part.strip());
				if (n < 1 || n > 10_000) {
					throw new UsageException(option + ": " + n + " is not between 1 and 10000");
				}
				counts.add(n);
			}
			catch (NumberFormatException ex) {
				throw new UsageException(option + ": '" + part.strip() + "' is not a whole number");
			}
		}
		return counts;
	}

}
