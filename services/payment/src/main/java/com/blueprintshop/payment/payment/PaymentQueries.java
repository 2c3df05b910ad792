package com.blueprintshop.payment.payment;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** What staff may look up about payments. */
@Component
public class PaymentQueries {

	private final PaymentRepository payments;

	PaymentQueries(PaymentRepository payments) {
		this.payments = payments;
	}

	/** Every payment recorded for the order, oldest first (one, unless none). */
	public List<Payment> forOrder(UUID orderId) {
		return this.payments.forOrder(orderId);
	}

}
