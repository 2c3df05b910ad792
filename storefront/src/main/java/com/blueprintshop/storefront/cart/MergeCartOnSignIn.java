package com.blueprintshop.storefront.cart;

import jakarta.servlet.http.HttpServletRequest;

import com.blueprintshop.storefront.system.SignInListener;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * What a guest put in the cart is in the account's cart once they sign in: the same SKU's
 * quantities added (capped), the guest cart emptied.
 */
@Component
class MergeCartOnSignIn implements SignInListener {

	private final Carts carts;

	MergeCartOnSignIn(Carts carts) {
		this.carts = carts;
	}

	@Override
	public void signedIn(HttpServletRequest request, Authentication authentication) {
		String subject = (authentication.getPrincipal() instanceof OidcUser user) ? user.getSubject()
				: authentication.getName();
		this.carts.signedIn(request, subject);
	}

}
