package com.blueprintshop.identity.system;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of every page and redirect identity sends to a browser. Nothing inline is allowed
 * (scripts, styles, event handlers), so an injected fragment cannot run; forms may only post to
 * this origin (the edge, where identity, storefront and their redirects share one origin).
 */
public final class BrowserHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private BrowserHeaders() {
	}

	public static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
		return (headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(
					ReferrerPolicy.SAME_ORIGIN));
	}

}
