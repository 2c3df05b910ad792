package com.blueprintshop.storefront.admin;

import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.system.NotFoundException;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Warehouse staff (and admins) upload stock counts as CSV ({@code sku,warehouse,on_hand}) and
 * look up one SKU. Inventory applies an upload in batches and reports every row it rejected by
 * line number; a file it cannot read at all comes back next to the file field.
 */
@Controller
@RequestMapping("/admin/stock")
class AdminStockController {

	static final int MAX_SKU_LENGTH = 64;

	private final StockAdminClient inventory;

	AdminStockController(StockAdminClient inventory) {
		this.inventory = inventory;
	}

	@GetMapping
	String stock(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@RequestParam(required = false) String sku, Model model, HttpServletResponse response) {
		String query = (sku != null) ? sku.strip() : "";
		model.addAttribute("sku", query);
		if (query.isEmpty()) {
			return "admin/stock";
		}
		if (query.length() > MAX_SKU_LENGTH) {
			model.addAttribute("lookupProblem", "SKUs are at most %d characters.".formatted(MAX_SKU_LENGTH));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "admin/stock";
		}
		try {
			model.addAttribute("levels", this.inventory.stock(token(client), query));
		}
		catch (NotFoundException ex) {
			model.addAttribute("lookupProblem", "Inventory has no stock recorded for %s.".formatted(query));
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		catch (RejectedInputException ex) {
			model.addAttribute("lookupProblem", ex.errors().isEmpty() ? ex.detail() : ex.errors().getFirst().message());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "admin/stock";
	}

	@PostMapping("/uploads")
	String upload(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		model.addAttribute("sku", "");
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "Choose a CSV file with the columns sku,warehouse,on_hand.");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "admin/stock";
		}
		try {
			model.addAttribute("report", this.inventory.upload(token(client), file));
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (RejectedInputException ex) {
			// a file inventory could not read at all (bad header, not CSV, too large)
			model.addAttribute("fileError", ex.errors().isEmpty() ? ex.detail()
					: String.join(" ", ex.errors().stream().map(RejectedInputException.FieldProblem::message).toList()));
			HttpStatus status = HttpStatus.resolve(ex.status());
			response.setStatus(((status != null) ? status : HttpStatus.BAD_REQUEST).value());
		}
		return "admin/stock";
	}

	private static String token(OAuth2AuthorizedClient client) {
		return AdminProductsController.token(client);
	}

}
