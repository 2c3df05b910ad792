package com.blueprintshop.perflab.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the journeys read from the storefront's and identity's pages: form fields, the CSRF
 * token, the variants in stock, an order's status. The pages are Thymeleaf's output (attributes
 * double-quoted, text escaped), read here with patterns kept as narrow as those templates.
 */
final class Html {

	static final String CSRF_PATTERN = "name=\"_csrf\"\\s+value=\"([^\"]+)\"";

	private static final Pattern CSRF = Pattern.compile(CSRF_PATTERN);

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>([^<]*)</option>");

	private static final Pattern ORDER_STATUS = Pattern.compile("id=\"order-status\"[^>]*>\\s*([A-Z_]+)\\s*<");

	private Html() {
	}

	static String csrf(String page) {
		Matcher csrf = CSRF.matcher(page);
		return csrf.find() ? unescape(csrf.group(1)) : null;
	}

	/** The value of the first {@code <input>} named {@code name}, or null. */
	static String inputValue(String page, String name) {
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			String tag = input.group();
			if (name.equals(attribute(tag, "name"))) {
				String value = attribute(tag, "value");
				return (value != null) ? value : "";
			}
		}
		return null;
	}

	/** Whether the checkbox named {@code name} is ticked. */
	static boolean checked(String page, String name) {
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			String tag = input.group();
			if (name.equals(attribute(tag, "name")) && "checkbox".equals(attribute(tag, "type"))) {
				return tag.matches("(?s).*\\schecked(=\"[^\"]*\")?[\\s/>].*");
			}
		}
		return false;
	}

	/** The text of the {@code <textarea>} named {@code name}, unescaped, or null. */
	static String textarea(String page, String name) {
		Matcher area = Pattern.compile("<textarea\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>([^<]*)</textarea>")
			.matcher(page);
		return area.find() ? unescape(area.group(1)) : null;
	}

	/** The value of the selected option of the {@code <select>} named {@code name}, or null. */
	static String selected(String page, String name) {
		String select = selectBlock(page, name);
		if (select == null) {
			return null;
		}
		Matcher option = OPTION.matcher(select);
		while (option.find()) {
			if (option.group(1).matches("(?s).*\\sselected(=\"[^\"]*\")?(\\s.*)?")) {
				return unescape(attribute("<option" + option.group(1) + ">", "value"));
			}
		}
		return null;
	}

	/**
	 * The variants of a product page that can be bought now: the options of its add-to-cart
	 * form whose label ends in {@code In stock} or {@code Only N left}.
	 */
	static List<String> skusInStock(String page) {
		List<String> skus = new ArrayList<>();
		String select = selectBlock(page, "sku");
		if (select == null) {
			return skus;
		}
		Matcher option = OPTION.matcher(select);
		while (option.find()) {
			String label = unescape(option.group(2)).strip();
			if (label.endsWith("In stock") || label.matches("(?s).*Only \\d+ left$")) {
				skus.add(unescape(attribute("<option" + option.group(1) + ">", "value")));
			}
		}
		return skus;
	}

	static String orderStatus(String page) {
		Matcher status = ORDER_STATUS.matcher(page);
		return status.find() ? status.group(1) : null;
	}

	private static String selectBlock(String page, String name) {
		Matcher select = Pattern
			.compile("(?s)<select\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</select>")
			.matcher(page);
		return select.find() ? select.group(1) : null;
	}

	private static String attribute(String tag, String name) {
		Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
		return value.find() ? unescape(value.group(1)) : null;
	}

	/** Thymeleaf's escapes undone: the named ones it writes and numeric references. */
	static String unescape(String text) {
		if (text == null || text.indexOf('&') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
		int last = 0;
		while (entity.find()) {
			out.append(text, last, entity.start());
			String e = entity.group(1);
			out.append(switch (e) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
						: Integer.parseInt(e.substring(1))));
			});
			last = entity.end();
		}
		return out.append(text, last, text.length()).toString();
	}

}
