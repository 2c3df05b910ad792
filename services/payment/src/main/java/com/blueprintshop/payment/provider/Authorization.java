package com.blueprintshop.payment.provider;

/** The provider's answer to an authorization request. */
public sealed interface Authorization {

	/** @param authorizationCode the provider's reference for the hold on the card */
	record Approved(String authorizationCode) implements Authorization {
	}

	/** @param reason why, in the provider's words (a short phrase such as "insufficient funds") */
	record Declined(String reason) implements Authorization {
	}

}
