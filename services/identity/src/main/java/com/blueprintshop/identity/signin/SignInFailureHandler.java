package com.blueprintshop.identity.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.util.StringUtils;

import com.blueprintshop.identity.user.EmailAddresses;

/**
 * Counts a wrong password (or unknown account) against the throttle, then sends the browser back
 * to the sign-in page, which finds the reason and the e-mail address typed in the session.
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	static final String LAST_EMAIL = SignInFailureHandler.class.getName() + ".email";

	private final SignInAttempts attempts;

	SignInFailureHandler(SignInAttempts attempts) {
		super("/login?error");
		this.attempts = attempts;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String typed = request.getParameter(SignInConfiguration.EMAIL_PARAMETER);
		String email = EmailAddresses.normalize(typed);
		// a refused (throttled) attempt is not counted: otherwise a guesser could keep an account locked for ever
		if (exception instanceof BadCredentialsException && StringUtils.hasText(email)) {
			this.attempts.failed(email, ClientAddress.of(request));
		}
		if (typed != null) {
			request.getSession().setAttribute(LAST_EMAIL, typed.strip());
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
