package com.blueprintshop.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.blueprintshop.notification.system.NotificationProperties;

/**
 * Sends e-mail over SMTP ({@code spring.mail.*}) and returns once the server accepted it; the
 * connect, read and write timeouts in application.yml bound how long that takes.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final InternetAddress from;

	private final Clock clock;

	Mailer(JavaMailSender sender, NotificationProperties properties, Clock clock) {
		this.sender = sender;
		this.clock = clock;
		try {
			this.from = new InternetAddress(properties.mail().from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("shop.notification.mail.from is not an e-mail address", ex);
		}
	}

	/** @throws MailException when the server cannot be reached or refuses the message */
	public void send(Email email) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			helper.setSentDate(Date.from(this.clock.instant()));
			helper.setText(email.text(), email.html());
			// JavaMailSenderImpl keeps a Message-ID set here instead of generating one
			message.setHeader("Message-ID", "<" + email.id() + "@" + domain() + ">");
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		this.sender.send(message);
	}

	private String domain() {
		String address = this.from.getAddress();
		return address.substring(address.indexOf('@') + 1);
	}

}
