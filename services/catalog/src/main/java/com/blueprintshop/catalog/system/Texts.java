package com.blueprintshop.catalog.system;

import java.util.regex.Pattern;

/** Client text made safe to search with. */
public final class Texts {

	/** What may not appear in a name (descriptions may also hold tabs and line breaks). */
	public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

	public static final String NO_CONTROL_CHARACTERS_BUT_LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

	private Texts() {
	}

	/**
	 * The text with control characters turned into spaces: a search for them means nothing, and
	 * PostgreSQL refuses the NUL character in text outright.
	 */
	public static String searchable(String text) {
		return CONTROL.matcher(text).replaceAll(" ").strip();
	}

}
