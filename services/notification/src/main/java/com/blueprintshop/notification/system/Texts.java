package com.blueprintshop.notification.system;

import java.util.regex.Pattern;

/** Text from other services made safe to store and show. */
public final class Texts {

	// everything but line breaks and tabs; PostgreSQL refuses NUL in text outright
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private Texts() {
	}

	/** The text without control characters, cut to {@code maxLength}; {@code ""} for {@code null}. */
	public static String clean(String text, int maxLength) {
		if (text == null) {
			return "";
		}
		String cleaned = CONTROL.matcher(text).replaceAll(" ").strip();
		return (cleaned.length() > maxLength) ? cleaned.substring(0, maxLength - 1) + "…" : cleaned;
	}

}
