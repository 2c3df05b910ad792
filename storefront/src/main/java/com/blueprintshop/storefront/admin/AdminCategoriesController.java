package com.blueprintshop.storefront.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.system.FormErrors;
import com.blueprintshop.storefront.system.NotFoundException;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff manage the category tree: list, create, rename or move, retire. */
@Controller
@RequestMapping("/admin/catalog/categories")
class AdminCategoriesController {

	private final CatalogAdminClient catalog;

	AdminCategoriesController(CatalogAdminClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String categories(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model) {
		model.addAttribute("categories", this.catalog.categories(token(client)));
		return "admin/categories";
	}

	@GetMapping("/new")
	String newCategory(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model) {
		model.addAttribute("categoryForm", new CategoryForm());
		model.addAttribute("categories", this.catalog.categories(token(client)));
		return "admin/category-form";
	}

	@PostMapping
	String create(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@ModelAttribute("categoryForm") CategoryForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.catalog.createCategory(token(client), change(form));
			redirect.addFlashAttribute("notice", "Category created.");
			return "redirect:/admin/catalog/categories";
		}
		catch (RejectedInputException ex) {
			FormErrors.bind(ex, binding);
			response.setStatus(ex.isConflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			model.addAttribute("categories", this.catalog.categories(token(client)));
			return "admin/category-form";
		}
	}

	@GetMapping("/{slug}")
	String edit(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable String slug,
			Model model) {
		List<AdminCategory> categories = this.catalog.categories(token(client));
		AdminCategory category = find(categories, slug);
		model.addAttribute("category", category);
		model.addAttribute("categoryForm", CategoryForm.of(category));
		model.addAttribute("categories", categories);
		return "admin/category-form";
	}

	@PostMapping("/{slug}")
	String update(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable String slug,
			@ModelAttribute("categoryForm") CategoryForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.catalog.updateCategory(token(client), slug, change(form));
			redirect.addFlashAttribute("notice", "Category saved.");
			return "redirect:/admin/catalog/categories";
		}
		catch (RejectedInputException ex) {
			FormErrors.bind(ex, binding);
			response.setStatus(ex.isConflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			List<AdminCategory> categories = this.catalog.categories(token(client));
			model.addAttribute("category", find(categories, slug));
			model.addAttribute("categories", categories);
			return "admin/category-form";
		}
	}

	@PostMapping("/{slug}/retire")
	String retire(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable String slug,
			RedirectAttributes redirect) {
		try {
			this.catalog.retireCategory(token(client), slug);
			redirect.addFlashAttribute("notice", "Category retired.");
		}
		catch (RejectedInputException ex) {
			// typically a 409: the category still has active products or subcategories
			redirect.addFlashAttribute("problem", ex.detail());
		}
		return "redirect:/admin/catalog/categories";
	}

	private static AdminCategory find(List<AdminCategory> categories, String slug) {
		return categories.stream()
			.filter((category) -> category.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No category " + slug));
	}

	private static CatalogAdminClient.CategoryChange change(CategoryForm form) {
		return new CatalogAdminClient.CategoryChange(form.getName(),
				StringUtils.hasText(form.getParentSlug()) ? form.getParentSlug() : null, form.getDescription());
	}

	private static String token(OAuth2AuthorizedClient client) {
		return AdminProductsController.token(client);
	}

}
