package com.blueprintshop.catalog.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs made from names: lower-case ASCII words joined by hyphens. */
public final class Slugs {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,140}");

	private Slugs() {
	}

	/**
	 * The slug of a name, at most {@code maxLength} characters and cut at a word boundary where
	 * possible; "item" when the name has no letter or digit at all.
	 */
	public static String slugify(String name, int maxLength) {
		String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT).replace("&", " and "))
			.replaceAll("-");
		slug = trimHyphens(slug);
		if (slug.length() > maxLength) {
			int cut = slug.lastIndexOf('-', maxLength);
			slug = trimHyphens(slug.substring(0, (cut > maxLength / 2) ? cut : maxLength));
		}
		return slug.isEmpty() ? "item" : slug;
	}

	/**
	 * Whether a client's text can be a slug at all. Lookups check this first, so that text which
	 * can never match (control characters, say, which PostgreSQL refuses) is a 404 and not an error.
	 */
	public static boolean isWellFormed(String slug) {
		return slug != null && SLUG.matcher(slug).matches();
	}

	private static String trimHyphens(String slug) {
		int start = 0;
		int end = slug.length();
		while (start < end && slug.charAt(start) == '-') {
			start++;
		}
		while (end > start && slug.charAt(end - 1) == '-') {
			end--;
		}
		return slug.substring(start, end);
	}

}
