package com.blueprintshop.storefront.system;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may see which page, how users sign in and out (OAuth2 login against identity, the
 * storefront as a backend-for-frontend), CSRF tokens on every form that changes something, and
 * the response headers that keep pages from being framed, sniffed or made to run foreign code.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// No 'unsafe-inline' anywhere: pages carry no inline scripts or styles, so an injected
	// <script> or style attribute does nothing even if escaping ever failed.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
			+ "style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations) {
		http.authorizeHttpRequests((requests) -> requests
			// error pages render for whoever caused them
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.requestMatchers("/account", "/account/**").authenticated()
			.anyRequest().permitAll());
		http.oauth2Login((login) -> login.loginPage("/signin"));
		http.logout((logout) -> logout.logoutUrl("/signout").logoutSuccessHandler(signOutOfIdentity(registrations)));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			// the edge terminates TLS and sends HSTS; a second, different header from here would
			// only compete with it
			.httpStrictTransportSecurity((hsts) -> hsts.disable())
			.frameOptions((frames) -> frames.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * After the storefront's session is gone, the browser goes on to identity's end-session
	 * endpoint (OIDC RP-initiated logout) so the user is signed out there too, and identity sends
	 * it back to the shop's home page.
	 */
	private static OidcClientInitiatedLogoutSuccessHandler signOutOfIdentity(ClientRegistrationRepository registrations) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		handler.setDefaultTargetUrl("/");
		return handler;
	}

}
