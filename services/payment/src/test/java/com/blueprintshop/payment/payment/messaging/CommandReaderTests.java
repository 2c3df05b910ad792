package com.blueprintshop.payment.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.payment.payment.PaymentCommand;
import com.blueprintshop.payment.payment.PaymentCommand.AuthorizePayment;
import com.blueprintshop.payment.payment.PaymentCommand.VoidPayment;

class CommandReaderTests {

	private final CommandReader reader = new CommandReader(JsonMapper.builder().build());

	private final UUID eventId = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	@Test
	void readsAnAuthorizePaymentWithItsAmountExactly() {
		PaymentCommand command = this.reader.read(authorize("{\"amount\": 19.99, \"currency\": \"EUR\"}", "4242"));
		assertThat(command).isInstanceOfSatisfying(AuthorizePayment.class, (authorize) -> {
			assertThat(authorize.eventId()).isEqualTo(this.eventId);
			assertThat(authorize.orderId()).isEqualTo(this.orderId);
			assertThat(authorize.occurredAt()).isEqualTo(Instant.parse("2030-06-15T10:00:00Z"));
			assertThat(authorize.amount().amount()).hasToString("19.99");
			assertThat(authorize.amount().currency()).isEqualTo("EUR");
			assertThat(authorize.cardToken()).isEqualTo("tok_abc123");
			assertThat(authorize.cardLast4()).isEqualTo("4242");
		});
	}

	@Test
	void readsAVoidPayment() {
		assertThat(this.reader.read(envelope("VoidPayment", ""))).isEqualTo(
				new VoidPayment(this.eventId, Instant.parse("2030-06-15T10:00:00Z"), this.orderId));
	}

	@Test
	void refusesWhatIsNotAReadableCommandAsPoison() {
		assertPoison(null);
		assertPoison("");
		assertPoison("{not json");
		assertPoison("[1, 2]");
		assertPoison(envelope("RefundPayment", ""));
		assertPoison(envelope("VoidPayment", "").replace("\"eventId\"", "\"eventID\""));
		assertPoison(envelope("VoidPayment", "").replace(this.orderId.toString(), "order-1"));
		assertPoison(envelope("VoidPayment", "").replace("2030-06-15T10:00:00Z", "yesterday"));
	}

	@Test
	void refusesAnAmountThatIsNotPositiveWithTwoDecimalsAndAThreeLetterCurrency() {
		assertPoison(authorize("{\"amount\": 0, \"currency\": \"EUR\"}", "4242"));
		assertPoison(authorize("{\"amount\": -5.00, \"currency\": \"EUR\"}", "4242"));
		assertPoison(authorize("{\"amount\": 1.005, \"currency\": \"EUR\"}", "4242"));
		assertPoison(authorize("{\"amount\": \"12.50\", \"currency\": \"EUR\"}", "4242"));
		assertPoison(authorize("{\"amount\": 12.50, \"currency\": \"eur\"}", "4242"));
		assertPoison(authorize("{\"amount\": 12.50, \"currency\": \"EURO\"}", "4242"));
		assertPoison(authorize("{\"amount\": 12.50}", "4242"));
		assertPoison(authorize("12.50", "4242"));
	}

	@Test
	void refusesAMissingOrMalformedCard() {
		assertPoison(authorize("{\"amount\": 12.50, \"currency\": \"EUR\"}", "424"));
		assertPoison(authorize("{\"amount\": 12.50, \"currency\": \"EUR\"}", "4242").replace("tok_abc123", ""));
		assertPoison(authorize("{\"amount\": 12.50, \"currency\": \"EUR\"}", "4242").replace("tok_abc123", "tok abc"));
	}

	private String authorize(String amount, String last4) {
		return envelope("AuthorizePayment", ", \"amount\": " + amount
				+ ", \"cardToken\": \"tok_abc123\", \"cardLast4\": \"" + last4 + "\"");
	}

	private String envelope(String type, String extra) {
		return "{\"eventId\": \"" + this.eventId + "\", \"type\": \"" + type
				+ "\", \"occurredAt\": \"2030-06-15T10:00:00Z\", \"orderId\": \"" + this.orderId + "\"" + extra + "}";
	}

	private void assertPoison(String value) {
		assertThatThrownBy(() -> this.reader.read(value)).as(String.valueOf(value))
			.isInstanceOf(PoisonMessageException.class);
	}

}
