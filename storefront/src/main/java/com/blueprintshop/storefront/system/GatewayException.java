package com.blueprintshop.storefront.system;

/**
 * A call through the gateway that did not give the page what it asked for. Pages that can do
 * without the answer (a home page section, say) catch this; the rest leave it to
 * {@link ErrorPages}.
 */
public abstract sealed class GatewayException extends RuntimeException
		permits NotFoundException, RejectedInputException, ServiceUnavailableException, ForbiddenException {

	GatewayException(String message, Throwable cause) {
		super(message, cause);
	}

}
