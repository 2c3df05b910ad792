package com.blueprintshop.perflab;

/** The run completed, but more requests failed than {@code --max-errors} allows: exit code 3. */
final class TooManyErrorsException extends RuntimeException {

	TooManyErrorsException(String message) {
		super(message);
	}

}
