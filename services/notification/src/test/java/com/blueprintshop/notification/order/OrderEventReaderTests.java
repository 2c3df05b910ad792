package com.blueprintshop.notification.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.notification.order.OrderEvent.Kind;

class OrderEventReaderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OrderEventReader reader = new OrderEventReader(JSON);

	@Test
	void readsTheFieldsItUsesAndIgnoresTheOthers() {
		Map<String, Object> event = confirmed();
		event.put("payment", Map.of("cardToken", "tok", "cardLast4", "4242"));
		event.put("somethingAddedLater", true);
		OrderEvent read = this.reader.read(JSON.writeValueAsString(event)).orElseThrow();
		assertThat(read.kind()).isEqualTo(Kind.CONFIRMED);
		assertThat(read.customerEmail()).isEqualTo("ada@example.com");
		assertThat(read.lines()).singleElement().satisfies((line) -> {
			assertThat(line.count()).isEqualTo(2);
			assertThat(line.lineTotal().formatted()).isEqualTo("25.00 EUR");
		});
		assertThat(read.total().formatted()).isEqualTo("25.00 EUR");
	}

	@Test
	void skipsATypeItDoesNotActOn() {
		Map<String, Object> event = confirmed();
		event.put("type", "OrderShipped");
		assertThat(this.reader.read(JSON.writeValueAsString(event))).isEmpty();
	}

	@Test
	void callsAValueThatIsNotAnOrderEventPoison() {
		assertThatThrownBy(() -> this.reader.read("not json")).isInstanceOf(PoisonMessageException.class);
		assertThatThrownBy(() -> this.reader.read("")).isInstanceOf(PoisonMessageException.class);
		assertThatThrownBy(() -> this.reader.read("{\"eventId\":\"nope\",\"type\":\"OrderConfirmed\"}"))
			.isInstanceOf(PoisonMessageException.class);
		assertThatThrownBy(() -> this.reader.read("{\"orderId\":\"" + UUID.randomUUID() + "\"}"))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("type");
	}

	@Test
	void callsAnEventWithoutItsIdsPoison() {
		for (String field : List.of("eventId", "orderId", "customerId")) {
			Map<String, Object> event = confirmed();
			event.remove(field);
			assertThatThrownBy(() -> this.reader.read(JSON.writeValueAsString(event)))
				.isInstanceOf(PoisonMessageException.class)
				.hasMessageContaining(field);
		}
	}

	@Test
	void callsAnEmailEventWithoutADeliverableAddressPoisonButNotAPlacedOrder() {
		for (String address : List.of("", "not an address", "Ada <ada@example.com>", "a@b.c\r\nBcc: x@y.z")) {
			Map<String, Object> event = confirmed();
			event.put("customerEmail", address);
			assertThatThrownBy(() -> this.reader.read(JSON.writeValueAsString(event))).as(address)
				.isInstanceOf(PoisonMessageException.class)
				.hasMessageContaining("customerEmail");
		}
		Map<String, Object> placed = confirmed();
		placed.put("type", "OrderPlaced");
		placed.remove("customerEmail");
		assertThat(this.reader.read(JSON.writeValueAsString(placed))).isPresent();
	}

	static Map<String, Object> confirmed() {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("type", "OrderConfirmed");
		event.put("occurredAt", "2026-12-01T10:00:00Z");
		event.put("orderId", UUID.randomUUID().toString());
		event.put("customerId", "user-1");
		event.put("customerEmail", "ada@example.com");
		event.put("customerName", "Ada");
		event.put("lines", List.of(Map.of("sku", "LAMP-1", "productId", UUID.randomUUID().toString(), "productName",
				"Desk lamp", "quantity", 2, "unitPrice", Map.of("amount", 12.5, "currency", "EUR"))));
		event.put("total", Map.of("amount", 25.0, "currency", "EUR"));
		return event;
	}

}
