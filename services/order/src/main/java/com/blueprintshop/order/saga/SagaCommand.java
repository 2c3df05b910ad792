package com.blueprintshop.order.saga;

/** The commands the saga sends to the other services (docs/messaging.md). */
enum SagaCommand {

	RESERVE_STOCK, COMMIT_STOCK, RELEASE_STOCK, AUTHORIZE_PAYMENT, VOID_PAYMENT

}
