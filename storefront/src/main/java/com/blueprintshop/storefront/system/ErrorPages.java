package com.blueprintshop.storefront.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when it cannot show what was asked for. A mistake in the request is a 4xx
 * page that says what to do; a backend that does not answer is a 503 page; neither is ever a
 * 500 or a stack trace. (Errors outside controllers, such as unknown paths and Spring Security's
 * 403, reach the same templates through Boot's error page, {@code templates/error/*.html}.)
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private final RequestCache requestCache = new HttpSessionRequestCache();

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex) {
		return page(HttpStatus.FORBIDDEN, null);
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	ModelAndView unavailable(ServiceUnavailableException ex) {
		log.warn("A backend did not answer: {}", ex.getMessage());
		return page(HttpStatus.SERVICE_UNAVAILABLE, null);
	}

	/**
	 * The user's tokens could not be refreshed. A refresh token identity no longer accepts
	 * (expired, revoked) means signing in again, then coming back here; anything else means
	 * identity or the gateway is not answering.
	 */
	@ExceptionHandler(OAuth2AuthorizationException.class)
	ModelAndView tokensUnavailable(OAuth2AuthorizationException ex, HttpServletRequest request,
			HttpServletResponse response) {
		if (ex instanceof ClientAuthorizationRequiredException) {
			// Spring Security's authorization request filter turns this one into a sign-in
			throw ex;
		}
		if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
			if (HttpMethod.GET.matches(request.getMethod())) {
				this.requestCache.saveRequest(request, response);
			}
			else if (SecurityConfiguration.CHECKOUT.equals(path(request))) {
				// back to the checkout form (the cart is kept with the account), not to a replay of
				// what was posted
				ReturnAfterSignIn.to(SecurityConfiguration.CHECKOUT, request, response);
			}
			return new ModelAndView("redirect:/oauth2/authorization/identity");
		}
		log.warn("Could not get the user a valid token from identity: {}", ex.getMessage());
		return page(HttpStatus.SERVICE_UNAVAILABLE, null);
	}

	@ExceptionHandler(RejectedInputException.class)
	ModelAndView rejected(RejectedInputException ex) {
		HttpStatus status = HttpStatus.resolve(ex.status());
		return page((status != null) ? status : HttpStatus.BAD_REQUEST, ex.detail());
	}

	@ExceptionHandler(BadRequestException.class)
	ModelAndView badRequest(BadRequestException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		return page(HttpStatus.BAD_REQUEST, "'%s' is not a valid value for %s.".formatted(ex.getValue(), ex.getName()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missingParameter(MissingServletRequestParameterException ex) {
		return page(HttpStatus.BAD_REQUEST, "The request needs a value for %s.".formatted(ex.getParameterName()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotSupported(HttpRequestMethodNotSupportedException ex) {
		return page(HttpStatus.METHOD_NOT_ALLOWED, "This page cannot be requested that way.");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "The file is too large: uploads may be 2 MB at most.");
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadableUpload(MultipartException ex) {
		return page(HttpStatus.BAD_REQUEST, "The upload could not be read. Choose the file and send it again.");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		String view = switch (status) {
			case NOT_FOUND -> "error/404";
			case FORBIDDEN -> "error/403";
			case SERVICE_UNAVAILABLE -> "error/503";
			default -> "error/4xx";
		};
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		if (detail != null) {
			page.addObject("detail", detail);
		}
		return page;
	}

}
