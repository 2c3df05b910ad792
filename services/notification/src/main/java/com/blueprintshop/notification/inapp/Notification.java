package com.blueprintshop.notification.inapp;

import java.time.Instant;
import java.util.UUID;

/**
 * An in-app notification: what a shopper sees in their notification list.
 *
 * @param id its id
 * @param customerId whose it is (the token's {@code sub})
 * @param orderId the order it is about
 * @param title one line
 * @param body a few sentences
 * @param createdAt when the event that caused it was handled
 * @param readAt when the shopper marked it read, or {@code null}
 */
public record Notification(UUID id, String customerId, UUID orderId, String title, String body, Instant createdAt,
		Instant readAt) {

	public boolean read() {
		return this.readAt != null;
	}

}
