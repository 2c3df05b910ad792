package com.blueprintshop.inventory.system;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.blueprintshop.defaults.FieldErrors;
import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.inventory.stock.StockContention;

/**
 * Inventory's refusals as RFC 9457 problems in the shop's shape (field errors under
 * {@code errors}); service-defaults adds the trace id. Ordered first so that Boot's generic
 * handler does not answer an oversized or missing upload with a problem that names no field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	@ExceptionHandler(ApiException.class)
	ProblemDetail refused(ApiException ex) {
		ProblemDetail problem;
		if (!ex.errors().isEmpty()) {
			problem = FieldErrors.problem(ex.status(), ex.getMessage(), ex.errors());
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				problem.setTitle(ex.status().getReasonPhrase());
			}
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
			problem.setTitle((ex.status() == HttpStatus.NOT_FOUND) ? "Not found" : ex.status().getReasonPhrase());
		}
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	/** Nothing is wrong with the request and nothing was changed: it may be sent again at once. */
	@ExceptionHandler(StockContention.class)
	ResponseEntity<ProblemDetail> contended(StockContention ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The stock of an item kept changing while this request was handled; nothing was changed. Try again.");
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail uploadTooLarge(MaxUploadSizeExceededException ex) {
		ProblemDetail problem = FieldErrors.problem(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large.",
				List.of(new FieldError("file", "must be at most 5 MB")));
		problem.setTitle("Content too large");
		return problem;
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return FieldErrors.invalid(ex.getRequestPartName(), "is required");
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException ex) {
		return FieldErrors.problem(HttpStatus.BAD_REQUEST, "The request is not a readable multipart upload.",
				List.of(new FieldError("file", "must be sent as multipart/form-data")));
	}

}
