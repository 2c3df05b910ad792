package com.blueprintshop.storefront.cart;

/** The store that keeps a signed-in shopper's cart (Redis) did not answer. */
public class CartUnavailableException extends RuntimeException {

	CartUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
