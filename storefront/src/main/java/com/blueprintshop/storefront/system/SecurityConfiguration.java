package com.blueprintshop.storefront.system;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may see which page, how users sign in and out (OAuth2 login against identity, the
 * storefront as a backend-for-frontend), CSRF tokens on every form that changes something (but
 * see {@link SameOriginGuestAddToCart}), the response headers that keep pages from being framed,
 * sniffed or made to run foreign code, and which pages may be cached where ({@link CachePolicy}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** The checkout page: a form whose session may expire while the shopper types. */
	static final String CHECKOUT = "/checkout";

	// No 'unsafe-inline' anywhere: pages carry no inline scripts or styles, so an injected
	// <script> or style attribute does nothing even if escaping ever failed.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
			+ "style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
			ObjectProvider<SignInListener> signInListeners) {
		http.authorizeHttpRequests((requests) -> requests
			// error pages render for whoever caused them
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			// warehouse staff upload stock; every other staff page is for admins
			.requestMatchers("/admin/stock", "/admin/stock/**").hasAnyRole("WAREHOUSE", "ADMIN")
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.requestMatchers("/account", "/account/**", CHECKOUT, CHECKOUT + "/**", "/orders", "/orders/**",
					"/notifications")
			.authenticated()
			.anyRequest().permitAll());
		http.oauth2Login((login) -> login.loginPage("/signin")
			.successHandler(tellingListeners(signInListeners.orderedStream().toList())));
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(signInAgainAtCheckout()));
		http.logout((logout) -> logout.logoutUrl("/signout").logoutSuccessHandler(signOutOfIdentity(registrations)));
		// the add-to-cart form of a page served to everyone carries no token; same-origin proof instead
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(new SameOriginGuestAddToCart()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			// Spring Security's writer makes every response no-store; pages decide by what they show
			.cacheControl((cache) -> cache.disable())
			.addHeaderWriter(new CachePolicy())
			// the edge terminates TLS and sends HSTS; a second, different header from here would
			// only compete with it
			.httpStrictTransportSecurity((hsts) -> hsts.disable())
			.frameOptions((frames) -> frames.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * Spring Security's own success handler (back to the page that asked for sign-in, else home),
	 * after the listeners have had their turn.
	 */
	private static AuthenticationSuccessHandler tellingListeners(List<SignInListener> listeners) {
		SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			for (SignInListener listener : listeners) {
				try {
					listener.signedIn(request, authentication);
				}
				catch (RuntimeException ex) {
					log.warn("After sign-in, {} failed: {}", listener.getClass().getSimpleName(), ex.toString());
				}
			}
			backToThePage.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * A checkout form posted after the session expired carries a CSRF token the new session does
	 * not know. Instead of the bare 403 any other form gets, the shopper signs in again and comes
	 * back to checkout, where the cart (kept with the account) is waiting.
	 */
	private static AccessDeniedHandler signInAgainAtCheckout() {
		AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (denied instanceof MissingCsrfTokenException && "POST".equals(request.getMethod())
					&& CHECKOUT.equals(path)) {
				ReturnAfterSignIn.to(CHECKOUT, request, response);
				response.sendRedirect(request.getContextPath() + "/signin");
				return;
			}
			refuse.handle(request, response, denied);
		};
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
