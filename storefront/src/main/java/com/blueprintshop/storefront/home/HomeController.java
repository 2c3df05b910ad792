package com.blueprintshop.storefront.home;

import java.util.List;

import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final SystemOverview overview;

	private final String version;

	HomeController(SystemOverview overview, BuildProperties build) {
		this.overview = overview;
		this.version = build.getVersion();
	}

	@GetMapping("/")
	String home(Model model) {
		List<ServiceStatus> services = this.overview.services();
		model.addAttribute("services", services);
		model.addAttribute("allUp", services.stream().allMatch(ServiceStatus::up));
		model.addAttribute("version", this.version);
		return "home";
	}

}
