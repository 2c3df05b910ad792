package com.blueprintshop.payment.system;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.blueprintshop.defaults.FieldErrors.FieldError;

/**
 * A request the payment service refuses, with the status and the named fields the problem
 * reports (see {@link ApiExceptionHandler}).
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final List<FieldError> errors;

	private ApiException(HttpStatus status, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public static ApiException invalid(List<FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
	}

	/** The card provider did not answer in time or is out: the client may try again shortly. */
	public static ApiException providerUnavailable() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
				"The card provider is not answering. Try again in a few seconds.", List.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
