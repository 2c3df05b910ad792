package com.blueprintshop.storefront.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Replaces Spring Security's cache-control writer, which marks every response
 * {@code no-cache, no-store, max-age=0, must-revalidate} (plus Pragma and Expires): right for
 * the account pages, wrong for a catalog page the edge could serve a thousand times a second.
 * Written as the response is committed, so it sees whether a session exists by then.
 * <ul>
 * <li>a response that set its own Cache-Control (catalog pages, static files, suggestions)
 * keeps it, except that a page declared {@link CacheHeaders#shared shared} that created a
 * session while it was being made becomes private: a Set-Cookie must never be shared;
 * <li>personal pages (account, orders, checkout, cart, notifications, staff, sign-in and
 * sign-up, the OAuth2 flow): {@code no-store};
 * <li>anything else for a visitor with a session: {@code private, no-cache};
 * <li>anything else: {@code no-cache}.
 * </ul>
 */
class CachePolicy implements HeaderWriter {

	static final List<String> PERSONAL = List.of("/account", "/orders", "/checkout", "/cart", "/notifications",
			"/admin", "/signin", "/signup", "/signout", "/oauth2", "/login");

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			if (request.getAttribute(CacheHeaders.SHARED_ATTRIBUTE) != null && request.getSession(false) != null) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, CacheHeaders.PRIVATE);
			}
			return;
		}
		if (personal(request)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheHeaders.NO_STORE);
		}
		else if (request.getSession(false) != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheHeaders.PRIVATE);
		}
		else {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheHeaders.REVALIDATE);
		}
	}

	static boolean personal(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PERSONAL.stream().anyMatch((prefix) -> path.equals(prefix) || path.startsWith(prefix + "/"));
	}

}
