package com.blueprintshop.storefront.account;

import com.blueprintshop.storefront.system.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in happens at identity: {@code /signin} starts the authorization code flow, which
 * brings the user back signed in. Only a flow that failed comes back here, to say so.
 */
@Controller
class SignInController {

	private final CurrentUser currentUser;

	SignInController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping("/signin")
	String signIn(@RequestParam(required = false) String error) {
		if (error != null) {
			return "signin-failed";
		}
		return this.currentUser.signedIn() ? "redirect:/account" : "redirect:/oauth2/authorization/identity";
	}

}
