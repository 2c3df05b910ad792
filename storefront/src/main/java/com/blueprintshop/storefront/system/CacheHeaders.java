package com.blueprintshop.storefront.system;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * The Cache-Control a page goes out with, by what it shows. A page sets one of these itself when
 * it knows better than {@link CachePolicy}'s default for its path: only an anonymous catalog page
 * is ever {@link #shared shared}.
 */
public final class CacheHeaders {

	/** Browsers revalidate every time; the edge bypasses its cache (it treats no-cache so). */
	public static final String REVALIDATE = "no-cache";

	/** One visitor's page (their cart count, their name): only their browser keeps it. */
	public static final String PRIVATE = "private, no-cache";

	/** Account, orders, checkout, cart, staff pages: kept nowhere, not even the browser's history cache. */
	public static final String NO_STORE = "no-store";

	/** Marks a response that was declared shared, so that {@link CachePolicy} can take it back. */
	static final String SHARED_ATTRIBUTE = CacheHeaders.class.getName() + ".shared";

	private CacheHeaders() {
	}

	/**
	 * The same page for every visitor without a session: a shared cache may keep it for
	 * {@code sharedMaxAge}, a browser must revalidate it (max-age=0) and may not use it stale.
	 * Vary: Cookie because the same URL with a session cookie is a different, private page.
	 */
	public static void shared(HttpServletRequest request, HttpServletResponse response, Duration sharedMaxAge) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				"public, max-age=0, s-maxage=" + sharedMaxAge.toSeconds() + ", must-revalidate");
		varyByCookie(response);
		request.setAttribute(SHARED_ATTRIBUTE, Boolean.TRUE);
	}

	/** A page that is anybody's but differs by visitor: their browser may keep it, and revalidates. */
	public static void personalised(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
		varyByCookie(response);
	}

	/** With HTTP caching switched off: nothing is reused without asking. */
	public static void revalidated(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
		varyByCookie(response);
	}

	private static void varyByCookie(HttpServletResponse response) {
		if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch((v) -> v.toLowerCase().contains("cookie"))) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		}
	}

}
