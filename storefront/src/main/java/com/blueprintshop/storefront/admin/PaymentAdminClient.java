package com.blueprintshop.storefront.admin;

import java.math.BigDecimal;

import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The payment service's simulated provider settings ({@code /api/payment/admin/provider}), for
 * admins: how slow the provider is, how often it declines, whether it is out.
 */
@Component
class PaymentAdminClient {

	private final RestClient gateway;

	PaymentAdminClient(RestClient gateway) {
		this.gateway = gateway;
	}

	ProviderSettings settings(String token) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/payment/admin/provider")
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(ProviderSettings.class));
	}

	ProviderSettings change(String token, ProviderSettings settings) {
		return GatewayCalls.call(() -> this.gateway.put()
			.uri("/api/payment/admin/provider")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings)
			.retrieve()
			.body(ProviderSettings.class));
	}

	/**
	 * @param latencyMs added to every provider call
	 * @param declineRate the share of authorizations declined, 0 to 1
	 * @param outage whether the provider answers at all
	 */
	record ProviderSettings(Integer latencyMs, BigDecimal declineRate, boolean outage) {
	}

}
