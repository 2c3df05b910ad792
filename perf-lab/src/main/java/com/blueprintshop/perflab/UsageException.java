package com.blueprintshop.perflab;

/** Options that do not make a run: exit code 2, with the message. */
final class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
