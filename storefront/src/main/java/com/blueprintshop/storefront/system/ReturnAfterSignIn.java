package com.blueprintshop.storefront.system;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Remembers a page to come back to once the user has signed in again, as Spring Security does
 * for a GET it refused. For a form that was posted, what is remembered is a plain GET of the
 * form's page: never the posted fields, which may hold a card number and would otherwise be kept
 * in the session until sign-in completes.
 */
public final class ReturnAfterSignIn {

	private static final RequestCache REQUESTS = new HttpSessionRequestCache();

	private ReturnAfterSignIn() {
	}

	/** @param path the page to open after sign-in, such as {@code /checkout} */
	public static void to(String path, HttpServletRequest request, HttpServletResponse response) {
		REQUESTS.saveRequest(new PlainGet(request, path), response);
	}

	/** The same request as a GET of {@code path} without a query or parameters. */
	private static final class PlainGet extends HttpServletRequestWrapper {

		private final String path;

		PlainGet(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.path;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer();
			url.append(getScheme()).append("://").append(getServerName());
			boolean defaultPort = ("http".equals(getScheme()) && getServerPort() == 80)
					|| ("https".equals(getScheme()) && getServerPort() == 443);
			if (!defaultPort) {
				url.append(':').append(getServerPort());
			}
			return url.append(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
