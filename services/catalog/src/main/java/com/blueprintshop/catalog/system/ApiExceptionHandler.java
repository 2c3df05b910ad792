package com.blueprintshop.catalog.system;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import com.blueprintshop.defaults.FieldErrors;
import com.blueprintshop.defaults.FieldErrors.FieldError;

/**
 * The catalog's refusals as RFC 9457 problems in the shop's shape (field errors under
 * {@code errors}); service-defaults adds the trace id. Ordered first so that Boot's generic
 * handler does not answer an oversized upload with a problem that names no field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	@ExceptionHandler(ApiException.class)
	ProblemDetail refused(ApiException ex) {
		if (!ex.errors().isEmpty()) {
			ProblemDetail problem = FieldErrors.problem(ex.status(), ex.getMessage(), ex.errors());
			if (ex.status() == HttpStatus.CONTENT_TOO_LARGE) {
				problem.setTitle("Content too large");
			}
			return problem;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle((ex.status() == HttpStatus.NOT_FOUND) ? "Not found" : ex.status().getReasonPhrase());
		return problem;
	}

	/** Two staff members created the same name at the same moment: the later one may retry. */
	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Something with the same name was created at the same moment. Send the request again.");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail uploadTooLarge(MaxUploadSizeExceededException ex) {
		ProblemDetail problem = FieldErrors.problem(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large.",
				List.of(new FieldError("file", "must be at most 2 MB")));
		problem.setTitle("Content too large");
		return problem;
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException ex) {
		return FieldErrors.problem(HttpStatus.BAD_REQUEST, "The request is not a readable multipart upload.",
				List.of(new FieldError("file", "must be sent as multipart/form-data")));
	}

}
