package com.blueprintshop.notification.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.blueprintshop.defaults.FieldErrors;

/**
 * The service's refusals as RFC 9457 problems in the shop's shape (field errors under
 * {@code errors}); service-defaults adds the trace id.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	@ExceptionHandler(ApiException.class)
	ProblemDetail refused(ApiException ex) {
		if (!ex.errors().isEmpty()) {
			return FieldErrors.problem(ex.status(), ex.getMessage(), ex.errors());
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle((ex.status() == HttpStatus.NOT_FOUND) ? "Not found" : ex.status().getReasonPhrase());
		return problem;
	}

}
