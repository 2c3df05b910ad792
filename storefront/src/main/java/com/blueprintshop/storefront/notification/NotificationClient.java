package com.blueprintshop.storefront.notification;

import java.util.List;

import com.blueprintshop.storefront.system.GatewayCalls;
import com.blueprintshop.storefront.system.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The notification service's shopper API through the gateway ({@code /api/notification/...}),
 * with the shopper's token. Notifications are never what a page is for: when the service does
 * not answer, pages show them as unavailable and carry on ({@link #recent}).
 */
@Component
public class NotificationClient {

	private static final Logger log = LoggerFactory.getLogger(NotificationClient.class);

	public static final int MAX_LIMIT = 20;

	private static final ParameterizedTypeReference<List<Notification>> NOTIFICATIONS = new ParameterizedTypeReference<>() {
	};

	private final RestClient gateway;

	NotificationClient(RestClient gateway) {
		this.gateway = gateway;
	}

	/** The newest notifications, at most {@code limit}; null when the service did not answer. */
	public List<Notification> recent(String token, int limit) {
		try {
			List<Notification> notifications = GatewayCalls.call(() -> this.gateway.get()
				.uri("/api/notification/notifications?limit={limit}", Math.min(Math.max(limit, 1), MAX_LIMIT))
				.headers((headers) -> headers.setBearerAuth(token))
				.retrieve()
				.body(NOTIFICATIONS));
			return (notifications != null) ? notifications : List.of();
		}
		catch (GatewayException ex) {
			log.warn("Notifications unavailable: {}", ex.getMessage());
			return null;
		}
	}

	int unread(String token) {
		Unread unread = GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/notification/notifications/unread-count")
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(Unread.class));
		return (unread != null) ? Math.max(unread.unread(), 0) : 0;
	}

	record Unread(int unread) {
	}

}
