package com.blueprintshop.order.order;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

import com.blueprintshop.order.system.ApiException;

/**
 * The shopper a request acts for, from their access token: identity's user id as subject and
 * their e-mail. A client's own token (client credentials) has neither and may not buy.
 *
 * @param id the user id (the orders' partition key)
 * @param email where the confirmation goes
 */
public record Customer(UUID id, String email) {

	public static Customer of(Jwt token) {
		String email = token.getClaimAsString("email");
		try {
			UUID id = UUID.fromString(token.getSubject());
			if (email != null && !email.isBlank()) {
				return new Customer(id, email);
			}
		}
		catch (IllegalArgumentException | NullPointerException notAPerson) {
			// falls through to the refusal
		}
		throw ApiException.forbidden("Orders belong to a signed-in shopper: use the shopper's own access token.");
	}

}
