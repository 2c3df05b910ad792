package com.blueprintshop.storefront.admin;

import java.util.regex.Pattern;

import com.blueprintshop.storefront.system.BadRequestException;
import com.blueprintshop.storefront.system.NotFoundException;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see the parked messages and send one back to its topic once its cause is fixed. */
@Controller
@RequestMapping("/admin/dead-letters")
class AdminDeadLettersController {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final DeadLetterClient deadLetters;

	AdminDeadLettersController(DeadLetterClient deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	String parked(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model) {
		model.addAttribute("deadLetters", this.deadLetters.parked(token(client)));
		return "admin/dead-letters";
	}

	@PostMapping("/{id}/replay")
	String replay(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable String id,
			RedirectAttributes redirect) {
		if (!ID.matcher(id).matches()) {
			throw new BadRequestException("That is not a dead letter's id.");
		}
		try {
			this.deadLetters.replay(token(client), id);
			redirect.addFlashAttribute("notice", "Message %s sent back to its topic.".formatted(id));
		}
		catch (RejectedInputException ex) {
			redirect.addFlashAttribute("problem", "Message %s was not replayed: %s".formatted(id, ex.detail()));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problem", "Message %s is no longer parked.".formatted(id));
		}
		return "redirect:/admin/dead-letters";
	}

	private static String token(OAuth2AuthorizedClient client) {
		return AdminProductsController.token(client);
	}

}
