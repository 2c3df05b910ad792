package com.blueprintshop.notification.inapp.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.notification.inapp.Notifications;
import com.blueprintshop.notification.system.ApiException;

/**
 * The signed-in shopper's own notifications: whose they are is the access token's {@code sub},
 * never a parameter, so nobody can ask for someone else's.
 */
@RestController
@RequestMapping("/notifications")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	List<NotificationItem> newest(@AuthenticationPrincipal Jwt token,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Notifications.MAX_LIST) int limit) {
		return this.notifications.newest(token.getSubject(), limit).stream().map(NotificationItem::of).toList();
	}

	@GetMapping("/unread-count")
	UnreadCount unreadCount(@AuthenticationPrincipal Jwt token) {
		return new UnreadCount(this.notifications.unread(token.getSubject()));
	}

	@PostMapping("/{id}/read")
	NotificationItem markRead(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return this.notifications.markRead(token.getSubject(), id)
			.map(NotificationItem::of)
			// someone else's id answers exactly as an unknown one: ids reveal nothing
			.orElseThrow(() -> ApiException.notFound("You have no notification " + id + "."));
	}

	record UnreadCount(long unread) {
	}

}
