package com.blueprintshop.inventory.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.blueprintshop.defaults.FieldErrors.FieldError;

/**
 * A request inventory refuses, with the status, the named fields and any extra properties the
 * problem reports (see {@link ApiExceptionHandler}).
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final List<FieldError> errors;

	private final Map<String, Object> properties;

	private ApiException(HttpStatus status, String detail, List<FieldError> errors, Map<String, Object> properties) {
		super(detail, null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
		this.properties = Map.copyOf(properties);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, detail, List.of(), Map.of());
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, field + " " + message, List.of(new FieldError(field, message)),
				Map.of());
	}

	public static ApiException invalid(List<FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors, Map.of());
	}

	/** A refused upload: the field is {@code file} and the problem names the first bad line. */
	public static ApiException badFile(HttpStatus status, int line, String message) {
		String detail = (line > 0) ? "Line " + line + ": " + message : message;
		return new ApiException(status, detail, List.of(new FieldError("file", detail)),
				(line > 0) ? Map.of("line", line) : Map.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
