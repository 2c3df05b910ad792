package com.blueprintshop.storefront.notification;

import java.time.Instant;
import java.util.UUID;

/** An in-app notification about one of the shopper's orders. */
public record Notification(String id, UUID orderId, String title, String body, Instant createdAt, boolean read) {
}
