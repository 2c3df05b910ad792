package com.blueprintshop.storefront.home;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.catalog.CatalogClient;
import com.blueprintshop.storefront.catalog.CatalogPages;
import com.blueprintshop.storefront.catalog.CatalogPages.CatalogPage;
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

	private final CatalogPages pages;

	HomeController(CatalogClient catalog, CatalogPages pages) {
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping("/")
	String home(Model model, HttpServletRequest request, HttpServletResponse response) {
		CatalogPage page = this.pages.open(request, response);
		if (page.notModified()) {
			return null;
		}
		List<ProductSummary> featured = section("featured", () -> this.catalog.featured(SHOWCASE_SIZE));
		List<ProductSummary> newest = section("new", () -> this.catalog.newest(SHOWCASE_SIZE));
		model.addAttribute("featured", featured);
		model.addAttribute("newest", newest);
		page.ready(featured != null && newest != null);
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
