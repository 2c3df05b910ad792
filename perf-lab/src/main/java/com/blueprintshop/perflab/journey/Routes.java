package com.blueprintshop.perflab.journey;

import java.util.regex.Pattern;

/**
 * A path as a route, for naming the hops of a followed redirect ({@code sign in → /auth/login})
 * so that the same step always gets the same name whatever ids and slugs it carried.
 */
final class Routes {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Routes() {
	}

	static String of(String path) {
		if (path == null || path.isEmpty()) {
			return "/";
		}
		String route = UUID.matcher(path).replaceAll("{id}");
		if (route.startsWith("/p/")) {
			return "/p/{slug}";
		}
		if (route.startsWith("/c/")) {
			return "/c/{slug}";
		}
		return route;
	}

	/** How a followed redirect's hop is named: the request's name, an arrow and where it went. */
	static String hop(String requestName, String path) {
		return requestName + " → " + of(path);
	}

}
