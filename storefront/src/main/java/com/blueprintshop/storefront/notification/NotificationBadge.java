package com.blueprintshop.storefront.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.blueprintshop.storefront.system.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The unread count in the header ({@code ${@notificationBadge.unread()}}). Anonymous pages never
 * ask. A signed-in shopper's count is asked at most every {@link #FRESH_FOR} and kept in the
 * session meanwhile, so browsing costs the notification service one call per half minute per
 * shopper; when the service does not answer, the header shows no count and asks again later.
 * The header never refreshes a token for this: an expired one means no count on this page.
 */
@Component("notificationBadge")
public class NotificationBadge {

	private static final Logger log = LoggerFactory.getLogger(NotificationBadge.class);

	static final String SESSION_ATTRIBUTE = "blueprint.notifications.unread";

	static final Duration FRESH_FOR = Duration.ofSeconds(30);

	private final NotificationClient notifications;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final CurrentUser currentUser;

	private final Clock clock;

	NotificationBadge(NotificationClient notifications, OAuth2AuthorizedClientRepository authorizedClients,
			CurrentUser currentUser, Clock clock) {
		this.notifications = notifications;
		this.authorizedClients = authorizedClients;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** How many notifications are unread, or null when nobody is signed in or it is not known. */
	public Integer unread() {
		if (!this.currentUser.signedIn()
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Instant now = this.clock.instant();
		if (session.getAttribute(SESSION_ATTRIBUTE) instanceof String cached) {
			String[] parts = cached.split("@", 2);
			try {
				if (parts.length == 2 && Instant.ofEpochMilli(Long.parseLong(parts[1])).plus(FRESH_FOR).isAfter(now)) {
					int count = Integer.parseInt(parts[0]);
					return (count >= 0) ? count : null;
				}
			}
			catch (NumberFormatException unreadable) {
				// asked again below
			}
		}
		Integer count = ask(request, now);
		session.setAttribute(SESSION_ATTRIBUTE, ((count != null) ? count : -1) + "@" + now.toEpochMilli());
		return count;
	}

	private Integer ask(HttpServletRequest request, Instant now) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient("identity", authentication,
				request);
		if (client == null || client.getAccessToken().getExpiresAt() == null
				|| !client.getAccessToken().getExpiresAt().isAfter(now)) {
			return null;
		}
		try {
			return this.notifications.unread(client.getAccessToken().getTokenValue());
		}
		catch (RuntimeException ex) {
			log.debug("Unread notifications unknown: {}", ex.getMessage());
			return null;
		}
	}

}
