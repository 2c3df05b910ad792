package com.blueprintshop.storefront.notification;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The shopper's in-app notifications, newest first. */
@Controller
class NotificationsController {

	private final NotificationClient notifications;

	NotificationsController(NotificationClient notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String notifications(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model) {
		model.addAttribute("notifications",
				this.notifications.recent(client.getAccessToken().getTokenValue(), NotificationClient.MAX_LIMIT));
		return "notifications";
	}

}
