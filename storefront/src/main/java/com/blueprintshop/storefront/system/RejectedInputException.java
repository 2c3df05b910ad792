package com.blueprintshop.storefront.system;

import java.util.List;

import org.springframework.web.client.RestClientResponseException;

/**
 * The backend rejected what was sent (400, 409, 413 or 422 problem details), naming the fields
 * at fault when it could.
 */
public final class RejectedInputException extends GatewayException {

	private final int status;

	private final String type;

	private final String detail;

	private final List<FieldProblem> errors;

	RejectedInputException(int status, String type, String detail, List<FieldProblem> errors, Throwable cause) {
		super(status + " " + detail, cause);
		this.status = status;
		this.type = type;
		this.detail = detail;
		this.errors = List.copyOf(errors);
	}

	public int status() {
		return this.status;
	}

	/** The problem's {@code type} URI as sent, or null when it had none. */
	public String type() {
		return this.type;
	}

	/**
	 * The problem read as a record of the caller's own, for the members a particular API adds
	 * (a list of changed prices, say); null when the body cannot be read as one.
	 */
	public <T> T problemAs(Class<T> type) {
		if (getCause() instanceof RestClientResponseException response) {
			try {
				return response.getResponseBodyAs(type);
			}
			catch (RuntimeException unreadable) {
				return null;
			}
		}
		return null;
	}

	/** The problem's {@code detail}, or its title when it has none; never null. */
	public String detail() {
		return this.detail;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	public boolean isConflict() {
		return this.status == 409;
	}

	/** One entry of a problem's {@code errors} array. */
	public record FieldProblem(String field, String message) {
	}

}
