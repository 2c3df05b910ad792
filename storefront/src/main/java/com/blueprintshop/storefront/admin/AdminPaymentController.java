package com.blueprintshop.storefront.admin;

import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.system.FormErrors;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set how the simulated payment provider behaves: latency, decline rate, outage. */
@Controller
@RequestMapping("/admin/payment")
class AdminPaymentController {

	private final PaymentAdminClient payment;

	AdminPaymentController(PaymentAdminClient payment) {
		this.payment = payment;
	}

	@GetMapping
	String settings(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model) {
		model.addAttribute("providerForm", ProviderSettingsForm.of(this.payment.settings(token(client))));
		return "admin/payment";
	}

	@PostMapping
	String change(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@ModelAttribute("providerForm") ProviderSettingsForm form, BindingResult binding,
			HttpServletResponse response, RedirectAttributes redirect) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (!binding.hasErrors()) {
			try {
				this.payment.change(token(client), form.settings());
				redirect.addFlashAttribute("notice", "Provider settings saved.");
				return "redirect:/admin/payment";
			}
			catch (RejectedInputException ex) {
				FormErrors.bind(ex, binding);
				HttpStatus rejected = HttpStatus.resolve(ex.status());
				status = (rejected != null) ? rejected : HttpStatus.BAD_REQUEST;
			}
		}
		response.setStatus(status.value());
		return "admin/payment";
	}

	private static String token(OAuth2AuthorizedClient client) {
		return AdminProductsController.token(client);
	}

}
