package com.blueprintshop.perflab.measure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatling's failure messages as kinds a reader counts: {@code status 503}, {@code timeout},
 * {@code connection refused}, {@code check failed: css(#view-cart)}.
 */
public final class ErrorKinds {

	private static final Pattern STATUS = Pattern.compile("^status\\.find\\..*found (\\d{3})");

	private static final Pattern CHECK = Pattern.compile("^([a-zA-Z]+\\(.*?\\))\\.(find|findAll|count|not)");

	private ErrorKinds() {
	}

	public static String of(String message) {
		if (message == null || message.isBlank()) {
			return "failed";
		}
		String text = message.strip();
		Matcher status = STATUS.matcher(text);
		if (status.find()) {
			return "status " + status.group(1);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.contains("timeout") || lower.contains("timed out")) {
			return "timeout";
		}
		if (lower.contains("connection refused")) {
			return "connection refused";
		}
		if (lower.contains("connection reset") || lower.contains("connection closed")
				|| lower.contains("closedchannel") || lower.contains("premature close")) {
			return "connection closed";
		}
		if (lower.contains("ssl") || lower.contains("handshake") || lower.contains("certificate")) {
			return "tls: " + abbreviate(text, 80);
		}
		Matcher check = CHECK.matcher(text);
		if (check.find()) {
			return "check failed: " + abbreviate(check.group(1), 70);
		}
		return abbreviate(text, 90);
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
