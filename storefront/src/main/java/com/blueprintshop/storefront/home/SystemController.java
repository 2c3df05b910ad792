package com.blueprintshop.storefront.home;

import java.util.List;

import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The system page: every service, asked through the gateway, and what its database says. */
@Controller
class SystemController {

	private final SystemOverview overview;

	private final String version;

	SystemController(SystemOverview overview, BuildProperties build) {
		this.overview = overview;
		this.version = build.getVersion();
	}

	@GetMapping("/system")
	String system(Model model) {
		List<ServiceStatus> services = this.overview.services();
		model.addAttribute("services", services);
		model.addAttribute("allUp", services.stream().allMatch(ServiceStatus::up));
		model.addAttribute("version", this.version);
		return "system";
	}

}
