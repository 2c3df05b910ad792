package com.blueprintshop.storefront.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ProductController {

	private final CatalogClient catalog;

	ProductController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/p/{slug}")
	String product(@PathVariable String slug, Model model) {
		model.addAttribute("product", this.catalog.product(slug));
		return "product";
	}

}
