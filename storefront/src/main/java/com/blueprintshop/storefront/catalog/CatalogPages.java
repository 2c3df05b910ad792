package com.blueprintshop.storefront.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.system.CacheHeaders;
import com.blueprintshop.storefront.system.CurrentUser;
import com.blueprintshop.storefront.system.Deployment;
import com.blueprintshop.storefront.system.HttpCacheProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * HTTP caching of the pages that show the catalog (home, category, product, search): the same
 * page for every visitor without a session, so the edge may share it for a moment and a browser
 * revalidates it with the page's ETag. The ETag is made before the page does its work, from
 * what the page is made of: catalog's data version, the path and query, the deployment that
 * renders it, the departments in the header, and whatever else the page shows (a product's
 * availability). A matching {@code If-None-Match} is answered 304 without asking catalog for
 * the page's products and without rendering.
 * <p>
 * A controller opens the page first, asks {@link CatalogPage#notModified} and returns at once
 * when it is, and otherwise calls {@link CatalogPage#ready} once it has what it renders.
 */
@Component
public class CatalogPages {

	private final CatalogClient catalog;

	private final CatalogVersions versions;

	private final Departments departments;

	private final Deployment deployment;

	private final HttpCacheProperties properties;

	private final CurrentUser currentUser;

	CatalogPages(CatalogClient catalog, CatalogVersions versions, Departments departments, Deployment deployment,
			HttpCacheProperties properties, CurrentUser currentUser) {
		this.versions = versions;
		this.currentUser = currentUser;
		this.catalog = catalog;
		this.departments = departments;
		this.deployment = deployment;
		this.properties = properties;
	}

	public CatalogPage open(HttpServletRequest request, HttpServletResponse response) {
		if (!this.properties.enabled()) {
			return new CatalogPage(this, Visitor.UNCACHED, null, request, response);
		}
		// getSession(false): asking must not create the session the page is trying to do without
		if (request.getSession(false) != null || this.currentUser.signedIn()) {
			return new CatalogPage(this, Visitor.WITH_SESSION, null, request, response);
		}
		return new CatalogPage(this, Visitor.ANONYMOUS, this.versions.current().orElse(null), request, response);
	}

	String etag(CatalogVersion version, HttpServletRequest request, String alsoShowing) {
		StringBuilder made = new StringBuilder().append(version.version())
			.append('|')
			.append(this.deployment.id())
			.append('|')
			.append(request.getRequestURI());
		if (request.getQueryString() != null) {
			made.append('?').append(request.getQueryString());
		}
		// the header's departments are fetched once a minute, not at this version: they are part
		// of the page all the same
		this.departments.all().forEach((d) -> made.append('|').append(d.slug()).append('=').append(d.name()));
		if (alsoShowing != null) {
			made.append('|').append(alsoShowing);
		}
		return "W/\"" + HexFormat.of().formatHex(sha256(made.toString()), 0, 12) + "\"";
	}

	long lastModified(CatalogVersion version) {
		long deployed = this.deployment.since().toEpochMilli();
		long changed = (version.changedAt() != null) ? version.changedAt().toEpochMilli() : deployed;
		return Math.max(changed, deployed);
	}

	HttpCacheProperties properties() {
		return this.properties;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Visitor {

		/** No session: the page every such visitor sees. */
		ANONYMOUS,

		/** Signed in, or with a cart: the header is theirs. */
		WITH_SESSION,

		/** {@code shop.http-cache.enabled=false}. */
		UNCACHED

	}

	/** One catalog page being answered. */
	public static final class CatalogPage {

		private final CatalogPages pages;

		private final Visitor visitor;

		private final CatalogVersion version;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private String etag;

		private long lastModified = -1;

		CatalogPage(CatalogPages pages, Visitor visitor, CatalogVersion version, HttpServletRequest request,
				HttpServletResponse response) {
			this.pages = pages;
			this.visitor = visitor;
			this.version = version;
			this.request = request;
			this.response = response;
		}

		/**
		 * For a page made of catalog data only: whether the browser's (or the edge's) copy is
		 * still this page. When it is, the 304 has been written, and the controller returns
		 * without a view. Last-Modified is catalog's last change (or the deploy, if later).
		 */
		public boolean notModified() {
			return notModified(null, true);
		}

		/**
		 * For a page that also shows what catalog does not version (a product's availability),
		 * described by {@code alsoShowing}: the ETag covers it, and there is no Last-Modified,
		 * since nothing dates it.
		 */
		public boolean notModified(String alsoShowing) {
			return notModified(alsoShowing, false);
		}

		private boolean notModified(String alsoShowing, boolean dated) {
			if (this.visitor != Visitor.ANONYMOUS || this.version == null) {
				return false;
			}
			this.etag = this.pages.etag(this.version, this.request, alsoShowing);
			this.lastModified = dated ? this.pages.lastModified(this.version) : -1;
			// asked without the response, so that nothing is written unless it is a 304
			if (!new ServletWebRequest(this.request).checkNotModified(this.etag, this.lastModified)) {
				return false;
			}
			CacheHeaders.shared(this.request, this.response, this.pages.properties().sharedMaxAge());
			new ServletWebRequest(this.request, this.response).checkNotModified(this.etag, this.lastModified);
			return true;
		}

		/** The page has everything it shows: it goes out with its ETag (when it has one). */
		public void ready() {
			ready(true);
		}

		/**
		 * @param complete false when part of the page could not be filled (a backend did not
		 * answer): it goes out without an ETag, so that no browser revalidates its way into
		 * keeping the incomplete page once the backend is back
		 */
		public void ready(boolean complete) {
			switch (this.visitor) {
				case UNCACHED -> CacheHeaders.revalidated(this.response);
				case WITH_SESSION -> CacheHeaders.personalised(this.response);
				case ANONYMOUS -> {
					CacheHeaders.shared(this.request, this.response, this.pages.properties().sharedMaxAge());
					if (complete && this.etag != null) {
						this.response.setHeader("ETag", this.etag);
						if (this.lastModified > 0) {
							this.response.setDateHeader("Last-Modified", this.lastModified);
						}
					}
				}
			}
		}

		/** Whether this page may be answered from a shared cache at all. */
		public boolean shared() {
			return this.visitor == Visitor.ANONYMOUS;
		}

		Optional<CatalogVersion> version() {
			return Optional.ofNullable(this.version);
		}

	}

}
