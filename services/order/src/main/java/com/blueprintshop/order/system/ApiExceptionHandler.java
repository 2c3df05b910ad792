package com.blueprintshop.order.system;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.blueprintshop.defaults.FieldErrors;
import com.blueprintshop.order.order.IllegalTransitionException;

/**
 * The order service's refusals as RFC 9457 problems in the shop's shape (field errors under
 * {@code errors}, documented conflicts with their own type); service-defaults adds the trace id.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	static final String PROBLEM_TYPES = "https://blueprint.shop/problems/";

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> refused(ApiException ex) {
		ProblemDetail problem;
		if (!ex.errors().isEmpty()) {
			problem = FieldErrors.problem(ex.status(), ex.getMessage(), ex.errors());
			if (ex.status() == HttpStatus.UNPROCESSABLE_CONTENT) {
				problem.setTitle("Unprocessable order");
			}
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
			problem.setTitle(ex.status().getReasonPhrase());
		}
		if (ex.type() != null) {
			problem.setType(URI.create(PROBLEM_TYPES + ex.type()));
		}
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, "2");
		}
		return response.body(problem);
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail illegalTransition(IllegalTransitionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		return problem;
	}

	/** The saga changed the order between our read and our write: the request can simply be sent again. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail changedMeanwhile(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The order changed while this request was handled. Send it again.");
		problem.setTitle("Conflict");
		return problem;
	}

}
