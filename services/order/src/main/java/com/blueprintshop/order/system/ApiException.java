package com.blueprintshop.order.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.blueprintshop.defaults.FieldErrors.FieldError;

/**
 * A request the order service refuses, with the status, the named fields and any extra
 * properties the problem reports (see {@link ApiExceptionHandler}).
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final List<FieldError> errors;

	private final Map<String, Object> properties;

	private ApiException(HttpStatus status, String type, String detail, List<FieldError> errors,
			Map<String, Object> properties) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.errors = List.copyOf(errors);
		this.properties = Map.copyOf(properties);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, null, detail, List.of(), Map.of());
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, null, detail, List.of(), Map.of());
	}

	/** A conflict of a documented kind ({@code type} ends the problem's type URI) with its details. */
	public static ApiException conflict(String type, String detail, Map<String, Object> properties) {
		return new ApiException(HttpStatus.CONFLICT, type, detail, List.of(), properties);
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, null, field + " " + message,
				List.of(new FieldError(field, message)), Map.of());
	}

	public static ApiException invalid(List<FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, null, "The request has invalid fields.", errors, Map.of());
	}

	public static ApiException unprocessable(List<FieldError> errors) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, null, "The order cannot be placed as it is.",
				errors, Map.of());
	}

	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, null, detail, List.of(), Map.of());
	}

	public static ApiException unavailable(String detail) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, detail, List.of(), Map.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
