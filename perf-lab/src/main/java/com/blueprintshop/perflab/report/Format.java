package com.blueprintshop.perflab.report;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import com.blueprintshop.perflab.model.Injection;

/** Numbers as a reader wants them (a few significant digits, a dot for decimals), and HTML escaping. */
final class Format {

	private Format() {
	}

	/**
	 * About 3 significant digits, none after the point from 100 up, no trailing zeros; ∞ and — for the odd
	 * ones.
	 */
	static String num(double value) {
		if (Double.isNaN(value)) {
			return "—";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "∞" : "-∞";
		}
		double abs = Math.abs(value);
		String pattern;
		if (abs >= 100 || abs == Math.rint(abs)) {
			pattern = "%.0f";
		}
		else if (abs >= 10) {
			pattern = "%.1f";
		}
		else if (abs >= 0.1) {
			pattern = "%.2f";
		}
		else if (abs >= 0.001) {
			pattern = "%.4f";
		}
		else {
			pattern = "%.3g";
		}
		String text = String.format(Locale.ROOT, pattern, value);
		if (text.indexOf('.') >= 0 && text.indexOf('e') < 0) {
			text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
		}
		return text.equals("-0") ? "0" : text;
	}

	/** Three significant digits whatever the size: for fitted parameters such as {@code β = 0.00195}. */
	static String sig(double value) {
		if (!Double.isFinite(value) || value == 0) {
			return num(value);
		}
		return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
	}

	/** A signed figure, for changes: {@code +3.2}, {@code −1.5}, {@code 0}. */
	static String signed(double value) {
		String text = num(value);
		if (value > 0 && !text.equals("0")) {
			return "+" + text;
		}
		return text;
	}

	/** How load was applied, in a line: {@code open model: 50 arrivals/s ramping to 80/s, think time 1 s}. */
	static String injection(Injection injection) {
		if (injection == null) {
			return "—";
		}
		StringBuilder text = new StringBuilder(Objects.toString(injection.model(), "?")).append(" model");
		boolean open = "open".equals(injection.model());
		if (injection.ratePerSecond() != null) {
			text.append(": ").append(num(injection.ratePerSecond())).append(" arrivals/s");
			if (injection.rampToPerSecond() != null) {
				text.append(" ramping to ").append(num(injection.rampToPerSecond())).append("/s");
			}
		}
		if (injection.concurrency() != null) {
			text.append(": ").append(injection.concurrency()).append(" users at once");
		}
		if (injection.steps() != null && !injection.steps().isEmpty()) {
			text.append(", steps of ")
				.append(injection.steps().stream().map(Format::num).collect(Collectors.joining(", ")))
				.append(open ? " arrivals/s" : " users");
		}
		return text.append(", think time ").append(num(injection.thinkTimeSeconds())).append(" s").toString();
	}

	/** Text safe anywhere in HTML: element content and quoted attribute values. */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
