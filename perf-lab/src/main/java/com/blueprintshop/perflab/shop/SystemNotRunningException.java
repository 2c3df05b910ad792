package com.blueprintshop.perflab.shop;

/** The run cannot be done: no system there, or it does not answer as it must. Exit code 1. */
public class SystemNotRunningException extends RuntimeException {

	public SystemNotRunningException(String message) {
		super(message);
	}

	public SystemNotRunningException(String message, Throwable cause) {
		super(message, cause);
	}

}
