package com.blueprintshop.order.order;

/** An order was asked to do something its status does not allow (cancel a shipped order, say). */
public class IllegalTransitionException extends RuntimeException {

	IllegalTransitionException(OrderStatus from, String action) {
		super("An order that is " + from.name().toLowerCase(java.util.Locale.ROOT) + " cannot be " + action + ".");
	}

}
