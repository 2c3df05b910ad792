package com.blueprintshop.storefront.system;

/** A request the storefront itself can tell is malformed (a page number out of range, say). */
public final class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
