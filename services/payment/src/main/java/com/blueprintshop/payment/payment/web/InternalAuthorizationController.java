package com.blueprintshop.payment.payment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.payment.payment.PaymentCommand;
import com.blueprintshop.payment.payment.PaymentCommands;
import com.blueprintshop.payment.payment.PaymentReplies.Reply;
import com.blueprintshop.payment.provider.ProviderUnavailableException;
import com.blueprintshop.payment.system.ApiException;
import com.blueprintshop.payment.system.Money;

/**
 * The saga's two payment commands over REST, for the order service's synchronous checkout (the
 * perf lab's ablation of asynchronous checkout, {@code shop.order.checkout.mode=sync}). Each runs
 * what the command of {@code payment.commands} runs ({@link PaymentCommands}: one payment per
 * order, one authorization at the provider under {@code authorize-<orderId>}, no transaction open
 * while the provider is asked) and answers with the reply in the body (200, with its
 * {@code type}) instead of sending it on {@code payment.replies}. A decline is an answer; a
 * provider that fails or is too slow is a 503, and the same request may be sent again.
 *
 * <p>Under {@code /internal}: no token is asked for, because only services on the private
 * network can reach it (see {@code PaymentConfiguration}); the gateway refuses the path.
 */
@RestController
class InternalAuthorizationController {

	private static final Logger log = LoggerFactory.getLogger(InternalAuthorizationController.class);

	private final PaymentCommands commands;

	InternalAuthorizationController(PaymentCommands commands) {
		this.commands = commands;
	}

	/** {@code AuthorizePayment}: answers {@code PaymentAuthorized} or {@code PaymentDeclined}. */
	@PostMapping("/internal/authorizations/{orderId}")
	Reply authorize(@PathVariable UUID orderId, @RequestBody AuthorizeRequest request) {
		Money amount = request.validated();
		try {
			return this.commands.authorize(orderId, amount, request.cardToken(), request.cardLast4());
		}
		catch (ProviderUnavailableException ex) {
			log.warn("Could not authorize order {}: {}", orderId, ex.getMessage());
			throw ApiException.providerUnavailable();
		}
	}

	/** {@code VoidPayment}: answers {@code PaymentVoided}, also when nothing was authorized. */
	@PostMapping("/internal/authorizations/{orderId}/void")
	Reply voidPayment(@PathVariable UUID orderId) {
		try {
			return this.commands.voidPayment(orderId);
		}
		catch (ProviderUnavailableException ex) {
			log.warn("Could not void the payment of order {}: {}", orderId, ex.getMessage());
			throw ApiException.providerUnavailable();
		}
	}

	/**
	 * @param amount what to authorize: more than zero, two decimals, a three-letter currency
	 * @param cardToken the provider's token for the card ({@code POST /cards/tokens})
	 * @param cardLast4 its last four digits
	 */
	record AuthorizeRequest(Amount amount, String cardToken, String cardLast4) {

		/** The checks the command reader makes, as field errors; @return the amount */
		Money validated() {
			List<FieldError> errors = new ArrayList<>();
			Money money = null;
			if (this.amount == null || this.amount.amount() == null) {
				errors.add(new FieldError("amount.amount", "is required"));
			}
			else {
				try {
					money = new Money(this.amount.amount(), this.amount.currency());
				}
				catch (IllegalArgumentException ex) {
					// Money says which of its two fields is wrong first: "currency must be …"
					String field = ex.getMessage().startsWith("currency") ? "currency" : "amount";
					errors.add(new FieldError("amount." + field, ex.getMessage().substring(field.length()).strip()));
				}
			}
			if (this.cardToken == null || !PaymentCommand.CARD_TOKEN.matcher(this.cardToken).matches()) {
				errors.add(new FieldError("cardToken", "must be a card token from POST /cards/tokens"));
			}
			if (this.cardLast4 == null || !PaymentCommand.CARD_LAST4.matcher(this.cardLast4).matches()) {
				errors.add(new FieldError("cardLast4", "must be the card's last four digits"));
			}
			if (!errors.isEmpty()) {
				throw ApiException.invalid(errors);
			}
			return money;
		}

	}

	record Amount(BigDecimal amount, String currency) {
	}

}
