package com.blueprintshop.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Identity's own pages: the sign-in form and where a direct sign-in (without a client) lands. */
@Controller
class SignInController {

	static final String WRONG_CREDENTIALS = "The e-mail address or password is incorrect.";

	@GetMapping("/login")
	String signIn(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (request.getParameter("error") != null) {
			Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
			model.addAttribute("error", (failure instanceof LoginThrottledException throttled)
					? throttled.userMessage() : WRONG_CREDENTIALS);
			if (session != null) {
				model.addAttribute("email", session.getAttribute(SignInFailureHandler.LAST_EMAIL));
				session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			}
		}
		model.addAttribute("signedOut", request.getParameter("logout") != null);
		return "login";
	}

	@GetMapping("/")
	String signedIn() {
		return "signed-in";
	}

}
