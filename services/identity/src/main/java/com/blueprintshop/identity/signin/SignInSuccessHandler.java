package com.blueprintshop.identity.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.util.StringUtils;

import com.blueprintshop.identity.user.EmailAddresses;

/** Forgives the account's failed attempts, then resumes the authorization request that asked for sign-in. */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final SignInAttempts attempts;

	SignInSuccessHandler(SignInAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		String email = EmailAddresses.normalize(request.getParameter(SignInConfiguration.EMAIL_PARAMETER));
		if (StringUtils.hasText(email)) {
			this.attempts.succeeded(email);
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(SignInFailureHandler.LAST_EMAIL);
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
