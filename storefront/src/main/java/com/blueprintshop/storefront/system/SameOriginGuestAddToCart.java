package com.blueprintshop.storefront.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one form a visitor without a session may post without a CSRF token: add to cart, from a
 * product page the edge may have served to everyone, so it cannot carry a token of its own
 * (fetching one would give every anonymous visitor a session). Instead the browser must prove
 * the form was posted by one of the shop's own pages: {@code Sec-Fetch-Site: same-origin}, or,
 * from a browser that does not send fetch metadata, an {@code Origin} equal to the shop's own as
 * the request arrived (scheme, host and port after the edge's forwarded headers were applied by
 * the server: {@code server.forward-headers-strategy}). A cross-site form, or a request that
 * proves nothing, gets the ordinary CSRF check, and so a 403. Anyone with a session has a token
 * in the form, and it is checked as on every other form.
 */
class SameOriginGuestAddToCart implements RequestMatcher {

	static final String PATH = "/cart/lines";

	@Override
	public boolean matches(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !PATH.equals(path(request)) || request.getSession(false) != null) {
			return false;
		}
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			// a browser that sends fetch metadata says exactly where the form came from
			return "same-origin".equals(fetchSite);
		}
		String origin = request.getHeader("Origin");
		return origin != null && origin.equalsIgnoreCase(ownOrigin(request));
	}

	static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)
				|| port <= 0;
		return scheme + "://" + request.getServerName().toLowerCase() + (defaultPort ? "" : ":" + port);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
