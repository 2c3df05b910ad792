package com.blueprintshop.storefront.order;

import java.util.UUID;

/** The order service's 202 to a placed order: it is PENDING while the saga runs. */
public record OrderAccepted(UUID orderId, String status, String statusUrl) {
}
