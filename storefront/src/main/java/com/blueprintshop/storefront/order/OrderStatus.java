package com.blueprintshop.storefront.order;

import java.time.Instant;
import java.util.UUID;

/** An order's status as the long poll answers it ({@code GET /api/order/orders/{id}/status}). */
record OrderStatus(UUID orderId, String status, String reason, Instant updatedAt) {
}
