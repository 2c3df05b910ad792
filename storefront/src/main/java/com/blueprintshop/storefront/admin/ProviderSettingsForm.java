package com.blueprintshop.storefront.admin;

import java.math.BigDecimal;

/** The payment provider settings' fields. */
class ProviderSettingsForm {

	private Integer latencyMs;

	private BigDecimal declineRate;

	private boolean outage;

	static ProviderSettingsForm of(PaymentAdminClient.ProviderSettings settings) {
		ProviderSettingsForm form = new ProviderSettingsForm();
		form.latencyMs = settings.latencyMs();
		form.declineRate = settings.declineRate();
		form.outage = settings.outage();
		return form;
	}

	PaymentAdminClient.ProviderSettings settings() {
		return new PaymentAdminClient.ProviderSettings(this.latencyMs, this.declineRate, this.outage);
	}

	public Integer getLatencyMs() {
		return this.latencyMs;
	}

	public void setLatencyMs(Integer latencyMs) {
		this.latencyMs = latencyMs;
	}

	public BigDecimal getDeclineRate() {
		return this.declineRate;
	}

	public void setDeclineRate(BigDecimal declineRate) {
		this.declineRate = declineRate;
	}

	public boolean isOutage() {
		return this.outage;
	}

	public void setOutage(boolean outage) {
		this.outage = outage;
	}

}
