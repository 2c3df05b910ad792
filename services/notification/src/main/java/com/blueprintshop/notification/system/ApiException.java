package com.blueprintshop.notification.system;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.blueprintshop.defaults.FieldErrors.FieldError;

/**
 * A request the service refuses, with the status and the named fields the problem reports
 * (see {@link ApiExceptionHandler}).
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final List<FieldError> errors;

	private ApiException(HttpStatus status, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, detail, List.of());
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, detail, List.of());
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, field + " " + message, List.of(new FieldError(field, message)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
