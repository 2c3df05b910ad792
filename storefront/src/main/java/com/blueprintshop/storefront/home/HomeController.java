package com.blueprintshop.storefront.home;

import java.util.List;
import java.util.function.Supplier;

import com.blueprintshop.storefront.catalog.CatalogClient;
import com.blueprintshop.storefront.catalog.ProductSummary;
import com.blueprintshop.storefront.system.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private static final Logger log = LoggerFactory.getLogger(HomeController.class);

	static final int SHOWCASE_SIZE = 8;

	private final CatalogClient catalog;

	HomeController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("featured", section("featured", () -> this.catalog.featured(SHOWCASE_SIZE)));
		model.addAttribute("newest", section("new", () -> this.catalog.newest(SHOWCASE_SIZE)));
		return "home";
	}

	/** A section catalog cannot fill says so; the rest of the home page still renders. */
	private static List<ProductSummary> section(String name, Supplier<List<ProductSummary>> products) {
		try {
			return products.get();
		}
		catch (GatewayException ex) {
			log.warn("Home page without its {} products: {}", name, ex.getMessage());
			return null;
		}
	}

}
