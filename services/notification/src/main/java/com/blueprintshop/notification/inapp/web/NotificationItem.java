package com.blueprintshop.notification.inapp.web;

import java.time.Instant;
import java.util.UUID;

import com.blueprintshop.notification.inapp.Notification;

/** A notification as its owner's list shows it. */
record NotificationItem(UUID id, UUID orderId, String title, String body, Instant createdAt, boolean read) {

	static NotificationItem of(Notification notification) {
		return new NotificationItem(notification.id(), notification.orderId(), notification.title(),
				notification.body(), notification.createdAt(), notification.read());
	}

}
