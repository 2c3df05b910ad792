package com.blueprintshop.notification.order;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Inbox;
import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.notification.inapp.Notifications;
import com.blueprintshop.notification.mail.Email;
import com.blueprintshop.notification.mail.Mailer;
import com.blueprintshop.notification.order.OrderMessages.InApp;

/**
 * What an {@code order.events} message does here: an in-app notification for the shopper for
 * every type, and one e-mail for a confirmation, rejection or cancellation. The Kafka listener
 * runs it for each delivery, and staff replaying a parked message run it on that message.
 *
 * <p>All of it is one transaction that starts with the {@link Inbox}: a message delivered (or
 * replayed) again finds its id there and does nothing, so it has one notification and one
 * e-mail. The e-mail is sent last, still inside the transaction, so a failed send rolls the
 * inbox row and the notification back and the message is retried (then parked, and can be
 * replayed) — a mail is never lost to a send that failed after the commit. The price is the
 * reverse case: should the commit fail after the SMTP server accepted the mail (the database
 * gone at that instant, the process killed between the two), the redelivery sends it once
 * more. SMTP has no transaction to join and no idempotency key to dedupe on, so this window of
 * one commit is accepted: a second copy of the same mail (it carries the same
 * {@code Message-ID}, which mail clients use to fold duplicates) is a lesser harm than a
 * confirmation that never arrives. Holding the database connection across the SMTP call is
 * bounded by the mail timeouts in application.yml and costs one connection per listener thread.
 */
@Component
public class OrderEventHandler {

	/** The topic whose messages this handles. */
	public static final String TOPIC = "order.events";

	/** The inbox's consumer name: the service's consumer group. */
	static final String CONSUMER = "notification";

	private final OrderEventReader reader;

	private final Inbox inbox;

	private final Notifications notifications;

	private final OrderMessages messages;

	private final Mailer mailer;

	private final Clock clock;

	OrderEventHandler(OrderEventReader reader, Inbox inbox, Notifications notifications, OrderMessages messages,
			Mailer mailer, Clock clock) {
		this.reader = reader;
		this.inbox = inbox;
		this.notifications = notifications;
		this.messages = messages;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Handles one message value.
	 * @throws PoisonMessageException when the value can never be handled
	 * @throws org.springframework.mail.MailException when the e-mail could not be sent (nothing
	 * was recorded; the message can be tried again)
	 */
	@Transactional
	public void handle(String payload) {
		Optional<OrderEvent> read = this.reader.read(payload);
		if (read.isEmpty()) {
			return;
		}
		OrderEvent event = read.get();
		if (!this.inbox.firstDelivery(CONSUMER, event.eventId())) {
			return;
		}
		InApp inApp = this.messages.inApp(event);
		this.notifications.add(event.eventId(), event.customerId(), event.orderId(), inApp.title(), inApp.body(),
				this.clock.instant());
		Optional<Email> email = this.messages.email(event);
		email.ifPresent(this.mailer::send);
	}

}
