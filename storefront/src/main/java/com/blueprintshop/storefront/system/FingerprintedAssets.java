package com.blueprintshop.storefront.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A static file requested by its fingerprinted name ({@code /static/css/shop-<md5>.css}, the
 * only form pages link to) never changes: browsers and the edge may keep it for a year without
 * asking again. The same file under its plain name keeps the ordinary revalidating caching, as
 * does anything that turns out not to exist: only when the resource handler actually serves the
 * file (it sets Cache-Control then) is that header replaced.
 */
@Component
class FingerprintedAssets extends OncePerRequestFilter {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private static final Pattern FINGERPRINTED = Pattern.compile("^/static/.+-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !FINGERPRINTED.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? IMMUTABLE : value);
			}

			@Override
			public void addHeader(String name, String value) {
				if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
					super.setHeader(name, IMMUTABLE);
				}
				else {
					super.addHeader(name, value);
				}
			}

		});
	}

}
