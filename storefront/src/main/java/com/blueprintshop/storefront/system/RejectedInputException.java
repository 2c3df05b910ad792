package com.blueprintshop.storefront.system;

import java.util.List;

/**
 * The backend rejected what was sent (400, 409, 413 or 422 problem details), naming the fields
 * at fault when it could.
 */
public final class RejectedInputException extends GatewayException {

	private final int status;

	private final String detail;

	private final List<FieldProblem> errors;

	RejectedInputException(int status, String detail, List<FieldProblem> errors, Throwable cause) {
		super(status + " " + detail, cause);
		this.status = status;
		this.detail = detail;
		this.errors = List.copyOf(errors);
	}

	public int status() {
		return this.status;
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
