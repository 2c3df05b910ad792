package com.blueprintshop.notification.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification service's own settings ({@code shop.notification.*}); the SMTP server itself
 * is Spring Boot's {@code spring.mail.*} (see application.yml).
 *
 * @param mail what the e-mails to shoppers look like
 */
@ConfigurationProperties("shop.notification")
public record NotificationProperties(@DefaultValue Mail mail) {

	/**
	 * @param from the sender of every e-mail, an RFC 5322 address with an optional name
	 * @param shopName how the e-mails name the shop (subject and signature)
	 */
	public record Mail(@DefaultValue("Blueprint Shop <no-reply@blueprint.shop>") String from,
			@DefaultValue("Blueprint Shop") String shopName) {
	}

}
