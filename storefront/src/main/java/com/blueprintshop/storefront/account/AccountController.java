package com.blueprintshop.storefront.account;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.StorefrontProperties;
import com.blueprintshop.storefront.notification.NotificationClient;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's profile, read from identity with their own access token. Spring
 * Security's authorized client manager hands over a valid token, refreshing it first when it has
 * expired; a user whose refresh token is gone is sent through sign-in again.
 */
@Controller
class AccountController {

	/** The newest notifications the account page shows; the notifications page has more. */
	static final int NOTIFICATIONS = 5;

	private final IdentityClient identity;

	private final Profiles profiles;

	private final NotificationClient notifications;

	private final DateTimeFormatter dates;

	AccountController(IdentityClient identity, Profiles profiles, NotificationClient notifications,
			StorefrontProperties properties) {
		this.identity = identity;
		this.profiles = profiles;
		this.notifications = notifications;
		this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(properties.locale());
	}

	@GetMapping("/account")
	String account(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, Model model,
			HttpServletRequest request) {
		UserProfile profile = this.profiles.profile(request, token(client));
		DisplayNameForm form = new DisplayNameForm();
		form.setDisplayName(profile.displayName());
		model.addAttribute("profileForm", form);
		addProfile(model, profile);
		// a notification service that is down costs this section, not the page
		model.addAttribute("notifications", this.notifications.recent(token(client), NOTIFICATIONS));
		return "account";
	}

	@PostMapping("/account")
	String changeDisplayName(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@ModelAttribute("profileForm") DisplayNameForm form, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			// identity answers with the profile as it now is: the header shows the new name at once
			this.profiles.remember(request, this.identity.changeDisplayName(token(client), form.getDisplayName()));
			redirect.addFlashAttribute("notice", "Your display name is saved.");
			return "redirect:/account";
		}
		catch (RejectedInputException ex) {
			FormErrors.bind(ex, binding);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			addProfile(model, this.profiles.profile(request, token(client)));
			model.addAttribute("notifications", this.notifications.recent(token(client), NOTIFICATIONS));
			return "account";
		}
	}

	private void addProfile(Model model, UserProfile profile) {
		model.addAttribute("profile", profile);
		model.addAttribute("memberSince",
				(profile.createdAt() != null) ? this.dates.format(profile.createdAt().atZone(ZoneOffset.UTC)) : null);
	}

	private static String token(OAuth2AuthorizedClient client) {
		return client.getAccessToken().getTokenValue();
	}

}
