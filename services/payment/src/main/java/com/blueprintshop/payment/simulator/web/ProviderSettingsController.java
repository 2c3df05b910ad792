package com.blueprintshop.payment.simulator.web;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.payment.simulator.SimulatorSettingsStore;

/**
 * Staff only (role ADMIN): steer the simulated provider at run time, for every payment instance
 * at once (each picks a change up within {@code shop.payment.simulator.settings-refresh}).
 */
@RestController
@RequestMapping("/admin/provider")
class ProviderSettingsController {

	private final SimulatorSettingsStore settings;

	ProviderSettingsController(SimulatorSettingsStore settings) {
		this.settings = settings;
	}

	@GetMapping
	ProviderSettingsView current() {
		return ProviderSettingsView.of(this.settings.read());
	}

	@PutMapping
	ProviderSettingsView change(@Valid @RequestBody ProviderSettingsForm form) {
		return ProviderSettingsView.of(this.settings.change(form.latencyMs(), form.declineRate(), form.outage()));
	}

}
