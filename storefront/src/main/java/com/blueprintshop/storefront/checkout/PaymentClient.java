package com.blueprintshop.storefront.checkout;

import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Turns the card the shopper typed into a token at the payment service
 * ({@code POST /api/payment/cards/tokens}, with the shopper's access token). The card number and
 * security code go there and nowhere else: not into the order, the session, or a log.
 */
@Component
class PaymentClient {

	private final RestClient gateway;

	PaymentClient(RestClient gateway) {
		this.gateway = gateway;
	}

	CardToken tokenize(String token, Card card) {
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/payment/cards/tokens")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(card)
			.retrieve()
			.body(CardToken.class));
	}

	/** What the payment service tokenizes; the month is 1 to 12, the year has four digits. */
	record Card(String number, int expiryMonth, int expiryYear, String cvc) {

		@Override
		public String toString() {
			// should a record ever be logged, the card is not
			return "Card[****]";
		}

	}

	/** The payment service's 201: a token standing for the card, and what may be shown of it. */
	record CardToken(String token, String last4, String brand) {
	}

}
