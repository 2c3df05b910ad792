package com.blueprintshop.notification.order;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.blueprintshop.notification.mail.Email;
import com.blueprintshop.notification.order.OrderEvent.Kind;
import com.blueprintshop.notification.order.OrderEvent.Line;
import com.blueprintshop.notification.system.NotificationProperties;
import com.blueprintshop.notification.system.Texts;

/**
 * What a shopper reads about an order event: the in-app notification for every type, and an
 * e-mail for the confirmation, the rejection and the cancellation. Every piece of text that
 * comes from the event is escaped in the HTML part; the plain-text part carries it as it is.
 */
@Component
class OrderMessages {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 1000;

	private static final int MAX_NAME = 200;

	private static final int MAX_REASON = 500;

	private final String shop;

	OrderMessages(NotificationProperties properties) {
		this.shop = properties.mail().shopName();
	}

	/** The in-app notification's title and body. */
	InApp inApp(OrderEvent event) {
		String order = event.shortOrderId();
		return switch (event.kind()) {
			case PLACED -> new InApp("Order " + order + " received",
					"We are checking stock and payment and will let you know shortly." + totalSentence(event));
			case CONFIRMED -> new InApp("Order " + order + " confirmed",
					"Thank you: your order is confirmed." + totalSentence(event));
			case REJECTED -> new InApp("Order " + order + " could not be completed", reason(event));
			case CANCELLED -> new InApp("Order " + order + " cancelled", reason(event));
		};
	}

	/** The e-mail the event calls for, if any. */
	Optional<Email> email(OrderEvent event) {
		if (!event.kind().mailed()) {
			return Optional.empty();
		}
		String subject = "Your " + this.shop + " order " + event.shortOrderId() + " " + switch (event.kind()) {
			case CONFIRMED -> "is confirmed";
			case REJECTED -> "could not be completed";
			default -> "is cancelled";
		};
		String intro = switch (event.kind()) {
			case CONFIRMED -> "Thank you for your order: it is confirmed and will be packed shortly.";
			case REJECTED -> "We are sorry: we could not complete your order.";
			default -> "Your order has been cancelled.";
		};
		String reason = (event.kind() == Kind.CONFIRMED) ? null : reason(event);
		return Optional.of(new Email(event.customerEmail().strip(), subject, text(event, intro, reason),
				html(event, subject, intro, reason), event.eventId()));
	}

	private String text(OrderEvent event, String intro, String reason) {
		StringBuilder text = new StringBuilder();
		text.append(greeting(event)).append("\n\n").append(intro).append("\n\n");
		if (reason != null) {
			text.append("Reason: ").append(reason).append("\n\n");
		}
		text.append("Order ").append(event.orderId()).append('\n');
		for (Line line : event.lines()) {
			text.append("  ").append(line.count()).append(" × ").append(Texts.clean(line.productName(), MAX_NAME));
			if (line.sku() != null) {
				text.append(" (").append(Texts.clean(line.sku(), MAX_NAME)).append(')');
			}
			if (line.lineTotal() != null) {
				text.append("  ").append(line.lineTotal().formatted());
			}
			text.append('\n');
		}
		if (event.total() != null) {
			text.append("Total: ").append(event.total().formatted()).append('\n');
		}
		text.append('\n').append(this.shop).append('\n');
		return text.toString();
	}

	private String html(OrderEvent event, String subject, String intro, String reason) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(subject))
			.append("</title></head>\n<body style=\"font-family: sans-serif; color: #222;\">\n");
		html.append("<p>").append(escape(greeting(event))).append("</p>\n");
		html.append("<p>").append(escape(intro)).append("</p>\n");
		if (reason != null) {
			html.append("<p><strong>Reason:</strong> ").append(escape(reason)).append("</p>\n");
		}
		html.append("<p>Order ").append(escape(event.orderId().toString())).append("</p>\n");
		if (!event.lines().isEmpty() || event.total() != null) {
			html.append("<table style=\"border-collapse: collapse;\">\n");
			for (Line line : event.lines()) {
				html.append("<tr><td>")
					.append(line.count())
					.append(" ×</td><td>")
					.append(escape(Texts.clean(line.productName(), MAX_NAME)));
				if (line.sku() != null) {
					html.append(" <small>").append(escape(Texts.clean(line.sku(), MAX_NAME))).append("</small>");
				}
				html.append("</td><td style=\"text-align: right;\">")
					.append((line.lineTotal() != null) ? escape(line.lineTotal().formatted()) : "")
					.append("</td></tr>\n");
			}
			if (event.total() != null) {
				html.append("<tr><td colspan=\"2\"><strong>Total</strong></td><td style=\"text-align: right;\"><strong>")
					.append(escape(event.total().formatted()))
					.append("</strong></td></tr>\n");
			}
			html.append("</table>\n");
		}
		html.append("<p>").append(escape(this.shop)).append("</p>\n</body></html>\n");
		return html.toString();
	}

	private static String greeting(OrderEvent event) {
		String name = Texts.clean(event.customerName(), MAX_NAME);
		return name.isEmpty() ? "Hello," : "Hello " + name + ",";
	}

	private static String reason(OrderEvent event) {
		String reason = Texts.clean(event.reason(), MAX_REASON);
		return reason.isEmpty() ? "No reason was given." : reason;
	}

	private static String totalSentence(OrderEvent event) {
		return (event.total() != null) ? " Total " + event.total().formatted() + "." : "";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** An in-app notification's text, within the lengths the list shows. */
	record InApp(String title, String body) {

		InApp {
			title = Texts.clean(title, MAX_TITLE);
			body = Texts.clean(body, MAX_BODY);
		}

	}

}
