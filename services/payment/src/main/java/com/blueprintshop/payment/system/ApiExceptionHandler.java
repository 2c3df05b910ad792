package com.blueprintshop.payment.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.blueprintshop.defaults.FieldErrors;

/**
 * The payment service's refusals as RFC 9457 problems in the shop's shape (field errors under
 * {@code errors}); service-defaults adds the trace id.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	/** How soon a client should try again when the provider is not answering. */
	private static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> refused(ApiException ex) {
		if (!ex.errors().isEmpty()) {
			return ResponseEntity.status(ex.status()).body(FieldErrors.problem(ex.status(), ex.getMessage(), ex.errors()));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.status().getReasonPhrase());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return response.body(problem);
	}

}
