package com.blueprintshop.storefront.account;

import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.system.CurrentUser;
import com.blueprintshop.storefront.system.FormErrors;
import com.blueprintshop.storefront.system.GatewayException;
import com.blueprintshop.storefront.system.RejectedInputException;
import com.blueprintshop.storefront.system.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignupController {

	private static final Logger log = LoggerFactory.getLogger(SignupController.class);

	private final IdentityClient identity;

	private final ServiceTokens tokens;

	private final CurrentUser currentUser;

	SignupController(IdentityClient identity, ServiceTokens tokens, CurrentUser currentUser) {
		this.identity = identity;
		this.tokens = tokens;
		this.currentUser = currentUser;
	}

	@GetMapping("/signup")
	String form(@ModelAttribute("signup") SignupForm signup) {
		return this.currentUser.signedIn() ? "redirect:/account" : "signup";
	}

	@PostMapping("/signup")
	String signup(@ModelAttribute("signup") SignupForm signup, BindingResult form, HttpServletResponse response) {
		try {
			this.identity.register(signup, this.tokens.accessToken());
			// straight on to signing in, where identity asks for the new password once more
			return "redirect:/signin?registered";
		}
		catch (RejectedInputException ex) {
			FormErrors.bind(ex, form);
			response.setStatus(ex.isConflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
		}
		catch (GatewayException ex) {
			log.warn("Sign-up failed: {}", ex.getMessage());
			form.reject("unavailable", "We could not create your account just now. Please try again in a minute.");
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
		signup.forgetPasswords();
		return "signup";
	}

}
