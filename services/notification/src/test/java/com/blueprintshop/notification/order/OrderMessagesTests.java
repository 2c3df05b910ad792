package com.blueprintshop.notification.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.blueprintshop.notification.mail.Email;
import com.blueprintshop.notification.order.OrderEvent.Line;
import com.blueprintshop.notification.order.OrderEvent.Money;
import com.blueprintshop.notification.order.OrderMessages.InApp;
import com.blueprintshop.notification.system.NotificationProperties;

class OrderMessagesTests {

	private static final UUID ORDER = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");

	private final OrderMessages messages = new OrderMessages(
			new NotificationProperties(new NotificationProperties.Mail("Blueprint Shop <no-reply@blueprint.shop>",
					"Blueprint Shop")));

	@Test
	void aConfirmationNamesTheOrderInItsSubjectAndListsTheLinesAndTotal() {
		OrderEvent event = event("OrderConfirmed", "Ada", null);
		Email email = this.messages.email(event).orElseThrow();
		assertThat(email.to()).isEqualTo("ada@example.com");
		assertThat(email.subject()).isEqualTo("Your Blueprint Shop order 1a2b3c4d is confirmed");
		assertThat(email.id()).isEqualTo(event.eventId());
		assertThat(email.text()).contains("Hello Ada,", "Order " + ORDER, "2 × Desk lamp (LAMP-1)  25.00 EUR",
				"1 × Cable (CABLE-9)  4.99 EUR", "Total: 29.99 EUR");
		assertThat(email.text()).doesNotContain("Reason");
		assertThat(email.html()).contains("<td>2 ×</td><td>Desk lamp <small>LAMP-1</small></td>", "29.99 EUR");
	}

	@Test
	void aRejectionAndACancellationGiveTheReason() {
		Email rejected = this.messages.email(event("OrderRejected", "Ada", "Your card was declined.")).orElseThrow();
		assertThat(rejected.subject()).isEqualTo("Your Blueprint Shop order 1a2b3c4d could not be completed");
		assertThat(rejected.text()).contains("Reason: Your card was declined.");
		assertThat(rejected.html()).contains("<strong>Reason:</strong> Your card was declined.");
		Email cancelled = this.messages.email(event("OrderCancelled", "Ada", "You cancelled it.")).orElseThrow();
		assertThat(cancelled.subject()).isEqualTo("Your Blueprint Shop order 1a2b3c4d is cancelled");
		assertThat(cancelled.text()).contains("Reason: You cancelled it.");
		Email unexplained = this.messages.email(event("OrderCancelled", "Ada", null)).orElseThrow();
		assertThat(unexplained.text()).contains("Reason: No reason was given.");
	}

	@Test
	void escapesEveryTextFromTheEventInTheHtmlPart() {
		OrderEvent event = new OrderEvent(UUID.randomUUID(), "OrderRejected", ORDER, "user-1", "ada@example.com",
				"<b>Ada</b> & \"co\"",
				List.of(new Line("<i>SKU</i>", "<script>alert(1)</script>", 1, new Money(BigDecimal.ONE, "<EUR>"))),
				null, "Out of <img src=x onerror=alert(2)> stock");
		Email email = this.messages.email(event).orElseThrow();
		assertThat(email.html()).contains("Hello &lt;b&gt;Ada&lt;/b&gt; &amp; &quot;co&quot;,",
				"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;i&gt;SKU&lt;/i&gt;", "1.00 &lt;EUR&gt;",
				"Out of &lt;img src=x onerror=alert(2)&gt; stock");
		assertThat(email.html()).doesNotContain("<script>", "<b>Ada", "<img", "<i>");
		assertThat(email.text()).contains("Hello <b>Ada</b> & \"co\",", "Out of <img src=x onerror=alert(2)> stock");
	}

	@Test
	void aPlacedOrderIsOnlyAnInAppNotification() {
		OrderEvent placed = event("OrderPlaced", "Ada", null);
		assertThat(this.messages.email(placed)).isEmpty();
		InApp inApp = this.messages.inApp(placed);
		assertThat(inApp.title()).isEqualTo("Order 1a2b3c4d received");
		assertThat(inApp.body()).endsWith("Total 29.99 EUR.");
	}

	@Test
	void inAppTextIsCleanedAndBounded() {
		String reason = "Stock\u0000 ran out. " + "x".repeat(2000);
		InApp inApp = this.messages.inApp(event("OrderRejected", "Ada", reason));
		assertThat(inApp.title()).isEqualTo("Order 1a2b3c4d could not be completed");
		assertThat(inApp.body()).startsWith("Stock  ran out.").doesNotContain("\u0000");
		assertThat(inApp.body().length()).isLessThanOrEqualTo(OrderMessages.MAX_BODY);
	}

	private static OrderEvent event(String type, String name, String reason) {
		List<Line> lines = List.of(new Line("LAMP-1", "Desk lamp", 2, new Money(new BigDecimal("12.50"), "EUR")),
				new Line("CABLE-9", "Cable", 1, new Money(new BigDecimal("4.99"), "EUR")));
		return new OrderEvent(UUID.randomUUID(), type, ORDER, "user-1", "ada@example.com", name, lines,
				new Money(new BigDecimal("29.99"), "EUR"), reason);
	}

}
