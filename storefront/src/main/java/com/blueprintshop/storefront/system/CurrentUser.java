package com.blueprintshop.storefront.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who is signed in, as the page header shows it ({@code ${@currentUser.signedIn()}}). A bean
 * rather than a model attribute so that error pages, which get no controller model, show the
 * same header.
 */
@Component("currentUser")
public class CurrentUser {

	public boolean signedIn() {
		Authentication authentication = authentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** The display name from the ID token when the user signed in, else the e-mail. */
	public String displayName() {
		if (!signedIn()) {
			return null;
		}
		Authentication authentication = authentication();
		if (authentication.getPrincipal() instanceof OidcUser user) {
			if (StringUtils.hasText(user.getFullName())) {
				return user.getFullName();
			}
			if (StringUtils.hasText(user.getEmail())) {
				return user.getEmail();
			}
		}
		return authentication.getName();
	}

	/**
	 * The signed-in user's subject (the ID token's {@code sub}), which keys what belongs to the
	 * account rather than to one browser, such as the cart; null when nobody is signed in.
	 */
	public String subject() {
		if (!signedIn()) {
			return null;
		}
		Authentication authentication = authentication();
		if (authentication.getPrincipal() instanceof OidcUser user && StringUtils.hasText(user.getSubject())) {
			return user.getSubject();
		}
		return authentication.getName();
	}

	public boolean admin() {
		return hasRole("ROLE_ADMIN");
	}

	/** Warehouse staff, who upload stock; admins may do that too. */
	public boolean warehouse() {
		return hasRole("ROLE_WAREHOUSE");
	}

	private boolean hasRole(String role) {
		return signedIn() && authentication().getAuthorities()
			.stream()
			.anyMatch((authority) -> role.equals(authority.getAuthority()));
	}

	private static Authentication authentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

}
