package com.blueprintshop.storefront.admin;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.catalog.Money;
import com.blueprintshop.storefront.catalog.Page;
import com.blueprintshop.storefront.system.BadRequestException;
import com.blueprintshop.storefront.system.FormErrors;
import com.blueprintshop.storefront.system.PageLinks;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Staff manage products: find, create, edit, retire and restore them, add images. */
@Controller
@RequestMapping("/admin/catalog")
class AdminProductsController {

	static final int PAGE_SIZE = 20;

	static final int MAX_PAGE = 1000;

	static final int MAX_QUERY_LENGTH = 100;

	static final List<String> STATUSES = List.of("ALL", "ACTIVE", "RETIRED");

	/** The only currency catalog accepts for now. */
	static final String CURRENCY = "EUR";

	static final String CONFLICT = "Someone else changed this product while you were editing it. "
			+ "Reload it to see their changes, then make yours again.";

	private final CatalogAdminClient catalog;

	AdminProductsController(CatalogAdminClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String products(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "ALL") String status,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String query = q.strip();
		if (!STATUSES.contains(status)) {
			throw new BadRequestException("Status is one of ALL, ACTIVE or RETIRED.");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw new BadRequestException("Page numbers run from 1 to %d.".formatted(MAX_PAGE));
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			throw new BadRequestException("Searches may be %d characters at most.".formatted(MAX_QUERY_LENGTH));
		}
		Page<AdminProductRow> products = this.catalog.products(token(client), query, status, page, PAGE_SIZE);
		model.addAttribute("products", products);
		model.addAttribute("q", query);
		model.addAttribute("status", status);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("pages", PageLinks.of(page, products.totalPages(), (n) -> listUrl(query, status, n)));
		return "admin/products";
	}

	@GetMapping("/products/new")
	String newProduct(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model) {
		model.addAttribute("productForm", new ProductForm());
		model.addAttribute("categories", categories(client));
		return "admin/product-form";
	}

	@PostMapping("/products")
	String create(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@ModelAttribute("productForm") ProductForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				AdminProduct created = this.catalog.create(token(client), new CatalogAdminClient.NewProduct(form.getName(),
						form.getDescription(), form.getCategorySlug(), money(form), form.isFeatured()));
				redirect.addFlashAttribute("notice", "Product created. Add an image below.");
				return "redirect:/admin/catalog/products/" + created.id();
			}
			catch (RejectedInputException ex) {
				FormErrors.bind(ex, binding);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("categories", categories(client));
		return "admin/product-form";
	}

	@GetMapping("/products/{id}")
	String edit(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			Model model) {
		AdminProduct product = this.catalog.product(token(client), id);
		model.addAttribute("product", product);
		model.addAttribute("productForm", ProductForm.of(product));
		model.addAttribute("categories", categories(client));
		return "admin/product-form";
	}

	@PostMapping("/products/{id}")
	String update(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			@ModelAttribute("productForm") ProductForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (form.getVersion() == null) {
			throw new BadRequestException("The form lost track of which version of the product it edits. Reload it.");
		}
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (!binding.hasErrors()) {
			try {
				this.catalog.update(token(client), id, new CatalogAdminClient.ProductUpdate(form.getName(),
						form.getDescription(), form.getCategorySlug(), money(form), form.isFeatured(), form.getVersion()));
				redirect.addFlashAttribute("notice", "Changes saved.");
				return "redirect:/admin/catalog/products/" + id;
			}
			catch (RejectedInputException ex) {
				if (ex.isConflict() && ex.errors().isEmpty()) {
					binding.reject("conflict", CONFLICT);
					model.addAttribute("conflict", true);
					status = HttpStatus.CONFLICT;
				}
				else {
					FormErrors.bind(ex, binding);
				}
			}
		}
		response.setStatus(status.value());
		model.addAttribute("product", this.catalog.product(token(client), id));
		model.addAttribute("categories", categories(client));
		return "admin/product-form";
	}

	@PostMapping("/products/{id}/retire")
	String retire(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			RedirectAttributes redirect) {
		try {
			this.catalog.retire(token(client), id);
			redirect.addFlashAttribute("notice", "Product retired: shoppers no longer see it.");
		}
		catch (RejectedInputException ex) {
			redirect.addFlashAttribute("problem", ex.detail());
		}
		return "redirect:/admin/catalog/products/" + id;
	}

	@PostMapping("/products/{id}/restore")
	String restore(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			RedirectAttributes redirect) {
		try {
			this.catalog.restore(token(client), id);
			redirect.addFlashAttribute("notice", "Product restored: shoppers see it again.");
		}
		catch (RejectedInputException ex) {
			redirect.addFlashAttribute("problem", ex.detail());
		}
		return "redirect:/admin/catalog/products/" + id;
	}

	@PostMapping("/products/{id}/images")
	String uploadImage(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problem", "Choose a PNG, JPEG or WebP image to upload.");
			return "redirect:/admin/catalog/products/" + id;
		}
		try {
			this.catalog.uploadImage(token(client), id, file);
			redirect.addFlashAttribute("notice", "Image added.");
		}
		catch (RejectedInputException ex) {
			redirect.addFlashAttribute("problem", ex.errors().isEmpty() ? ex.detail()
					: String.join(" ", ex.errors().stream().map(RejectedInputException.FieldProblem::message).toList()));
		}
		return "redirect:/admin/catalog/products/" + id;
	}

	private List<AdminCategory> categories(OAuth2AuthorizedClient client) {
		return this.catalog.categories(token(client));
	}

	private static Money money(ProductForm form) {
		return (form.getPrice() != null) ? new Money(form.getPrice(), CURRENCY) : null;
	}

	private static String listUrl(String query, String status, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/catalog");
		if (!query.isEmpty()) {
			url.queryParam("q", "{q}");
		}
		if (!"ALL".equals(status)) {
			url.queryParam("status", status);
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().buildAndExpand(query).toUriString();
	}

	static String token(OAuth2AuthorizedClient client) {
		return client.getAccessToken().getTokenValue();
	}

}
