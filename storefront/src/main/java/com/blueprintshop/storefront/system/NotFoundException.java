package com.blueprintshop.storefront.system;

/** The backend has no such thing (a 404 through the gateway): the page answers 404 too. */
public final class NotFoundException extends GatewayException {

	public NotFoundException(String message) {
		super(message, null);
	}

	NotFoundException(String message, Throwable cause) {
		super(message, cause);
	}

}
