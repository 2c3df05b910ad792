package com.blueprintshop.storefront.system;

/** The backend refused the signed-in user (a 403 through the gateway). */
public final class ForbiddenException extends GatewayException {

	ForbiddenException(String message, Throwable cause) {
		super(message, cause);
	}

}
