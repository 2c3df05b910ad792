package com.blueprintshop.payment.card;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.blueprintshop.payment.provider.CardDetails;
import com.blueprintshop.payment.provider.ProviderCalls;
import com.blueprintshop.payment.provider.ProviderUnavailableException;
import com.blueprintshop.payment.provider.TokenizedCard;
import com.blueprintshop.payment.system.ApiException;

/**
 * Exchanges a card for the provider's token. The card passes through memory only: the shop
 * keeps the token and the last four digits, never the number, the expiry or the code.
 */
@Service
public class CardTokens {

	private static final Logger log = LoggerFactory.getLogger(CardTokens.class);

	private final ProviderCalls provider;

	private final Clock clock;

	CardTokens(ProviderCalls provider, Clock clock) {
		this.provider = provider;
		this.clock = clock;
	}

	public TokenizedCard tokenize(CardForm form) {
		CardDetails card = form.validated(this.clock);
		try {
			return this.provider.tokenize(card);
		}
		catch (ProviderUnavailableException ex) {
			// the message is ours and names no card data
			log.warn("Could not tokenize a card: {}", ex.getMessage());
			throw ApiException.providerUnavailable();
		}
	}

}
