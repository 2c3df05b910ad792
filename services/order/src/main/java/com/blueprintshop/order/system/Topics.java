package com.blueprintshop.order.system;

/** The topics the order service writes and reads (docs/messaging.md); every record key is the order id. */
public final class Topics {

	public static final String ORDER_EVENTS = "order.events";

	public static final String INVENTORY_COMMANDS = "inventory.commands";

	public static final String INVENTORY_REPLIES = "inventory.replies";

	public static final String PAYMENT_COMMANDS = "payment.commands";

	public static final String PAYMENT_REPLIES = "payment.replies";

	private Topics() {
	}

}
