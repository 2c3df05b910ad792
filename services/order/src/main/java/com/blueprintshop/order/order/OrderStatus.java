package com.blueprintshop.order.order;

/** Where an order stands. PENDING until the saga confirms or rejects it. */
public enum OrderStatus {

	PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED;

	/** Whether the order can still change by itself (the saga is working on it). */
	public boolean isFinal() {
		return this != PENDING;
	}

}
