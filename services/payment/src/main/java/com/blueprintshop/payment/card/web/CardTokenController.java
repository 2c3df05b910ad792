package com.blueprintshop.payment.card.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.payment.card.CardForm;
import com.blueprintshop.payment.card.CardTokens;
import com.blueprintshop.payment.provider.TokenizedCard;

/** Any signed-in user: the storefront tokenizes the card at checkout and sends only the token on. */
@RestController
class CardTokenController {

	private final CardTokens tokens;

	CardTokenController(CardTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/cards/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	CardToken tokenize(@RequestBody CardForm card) {
		TokenizedCard tokenized = this.tokens.tokenize(card);
		return new CardToken(tokenized.token(), tokenized.last4(), tokenized.brand().name());
	}

	/** @param brand VISA, MASTERCARD, AMEX, DISCOVER or UNKNOWN */
	record CardToken(String token, String last4, String brand) {
	}

}
