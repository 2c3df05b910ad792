package com.blueprintshop.identity.signin;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import com.blueprintshop.identity.user.EmailAddresses;

/**
 * Refuses a sign-in before the password is checked when the account or the client address has
 * failed too often: a guesser learns nothing from a refused attempt, and a correct password
 * sent during the lock-out does not get through either.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final SignInAttempts attempts;

	private final AuthenticationFailureHandler failureHandler;

	SignInThrottleFilter(SignInAttempts attempts, AuthenticationFailureHandler failureHandler) {
		this.attempts = attempts;
		this.failureHandler = failureHandler;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SIGN_IN.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String email = EmailAddresses.normalize(request.getParameter(SignInConfiguration.EMAIL_PARAMETER));
		if (StringUtils.hasText(email)) {
			Optional<Duration> blocked = this.attempts.blockedFor(email, ClientAddress.of(request));
			if (blocked.isPresent()) {
				this.failureHandler.onAuthenticationFailure(request, response,
						new LoginThrottledException(blocked.get()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
