package com.blueprintshop.storefront.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;

/**
 * Told when a user has just signed in, before the browser is sent on to the page it came for:
 * the moment to move what the visitor had as a guest (the cart) over to their account. A
 * listener that fails is logged and skipped; signing in never fails because of one.
 */
public interface SignInListener {

	void signedIn(HttpServletRequest request, Authentication authentication);

}
