package com.blueprintshop.payment.payment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.payment.payment.Payment;
import com.blueprintshop.payment.payment.PaymentQueries;
import com.blueprintshop.payment.system.Money;

/** Staff only (role ADMIN): what was recorded for an order, without the card token in full. */
@RestController
class AdminPaymentController {

	/** As much of a token as staff see: enough to tell two apart, too little to use one. */
	static final int TOKEN_PREFIX = 8;

	private final PaymentQueries payments;

	AdminPaymentController(PaymentQueries payments) {
		this.payments = payments;
	}

	@GetMapping("/admin/payments")
	List<PaymentView> forOrder(@RequestParam UUID orderId) {
		return this.payments.forOrder(orderId).stream().map(AdminPaymentController::view).toList();
	}

	private static PaymentView view(Payment payment) {
		String token = payment.cardToken();
		String prefix = (token == null) ? null : token.substring(0, Math.min(TOKEN_PREFIX, token.length()));
		return new PaymentView(payment.id(), payment.orderId(), payment.status().name(), payment.amount(),
				payment.cardLast4(), prefix, payment.authorizationCode(), payment.reason(), payment.createdAt(),
				payment.updatedAt());
	}

	/**
	 * A payment as staff see it.
	 *
	 * @param status PENDING, AUTHORIZED, DECLINED or VOIDED
	 * @param amount {@code null} for a payment cancelled before it was asked for
	 * @param cardTokenPrefix the first eight characters of the card's token, never all of it
	 * @param reason the provider's reason for a decline, or "cancelled"
	 */
	record PaymentView(UUID paymentId, UUID orderId, String status, Money amount, String cardLast4,
			String cardTokenPrefix, String authorizationCode, String reason, Instant createdAt, Instant updatedAt) {
	}

}
