package com.blueprintshop.storefront.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.blueprintshop.storefront.system.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's profile as identity last described it (issue 6, layer 3), kept in their
 * session so that pages do not ask identity on every request: the account page reads it from
 * there for {@link #FRESH_FOR}, and the header shows its display name
 * ({@code ${@profiles.displayName()}}), which, unlike the ID token's, follows a change of name at
 * once: a change saved through the account page replaces the copy with identity's answer.
 * <p>
 * The copy is small by construction: {@link Cached} truncates every field to a stated maximum
 * and holds at most {@link Cached#MAX_ROLES} roles, so the JSON kept in the session is at most
 * {@link #MAX_STORED} characters whatever identity sends (see {@link Cached}). It is plain JSON,
 * not a serialized class, so every storefront version reads it; one that cannot be read, or that
 * belongs to another subject, is ignored. Roles here are for display only: what a user may open
 * is decided by the ID token's authorities, never by this copy.
 */
@Component("profiles")
public class Profiles {

	private static final Logger log = LoggerFactory.getLogger(Profiles.class);

	static final String SESSION_ATTRIBUTE = "blueprint.profile";

	/** How long the account page trusts the copy before asking identity again. */
	static final Duration FRESH_FOR = Duration.ofMinutes(5);

	/**
	 * The most characters the stored JSON can have: every string at its maximum and every
	 * character escaped as {@code \\uXXXX} (6 characters), plus the keys and the two instants.
	 */
	static final int MAX_STORED = 6 * (Cached.MAX_SUBJECT + Cached.MAX_DISPLAY_NAME + Cached.MAX_EMAIL
			+ Cached.MAX_ROLES * Cached.MAX_ROLE) + 512;

	private final IdentityClient identity;

	private final CurrentUser currentUser;

	private final JsonMapper json;

	private final Clock clock;

	Profiles(IdentityClient identity, CurrentUser currentUser, JsonMapper json, Clock clock) {
		this.identity = identity;
		this.currentUser = currentUser;
		this.json = json;
		this.clock = clock;
	}

	/** The profile for the account page: the session's copy while fresh, else identity's. */
	UserProfile profile(HttpServletRequest request, String userToken) {
		Cached cached = cached(request);
		if (cached != null && cached.fetchedAt().plus(FRESH_FOR).isAfter(this.clock.instant())) {
			return cached.toProfile();
		}
		UserProfile profile = this.identity.me(userToken);
		remember(request, profile);
		return profile;
	}

	/** After identity has said what the profile is now (such as after a change of name). */
	void remember(HttpServletRequest request, UserProfile profile) {
		String subject = this.currentUser.subject();
		HttpSession session = request.getSession(false);
		if (subject == null || session == null) {
			return;
		}
		if (profile == null) {
			session.removeAttribute(SESSION_ATTRIBUTE);
			return;
		}
		session.setAttribute(SESSION_ATTRIBUTE, encode(Cached.of(subject, profile, this.clock.instant())));
	}

	/** For the header: the name identity last gave, else the ID token's; null when nobody is signed in. */
	public String displayName() {
		if (!this.currentUser.signedIn()) {
			return null;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			Cached cached = cached(attributes.getRequest());
			if (cached != null && cached.displayName() != null && !cached.displayName().isBlank()) {
				return cached.displayName();
			}
		}
		return this.currentUser.displayName();
	}

	String encode(Cached cached) {
		return this.json.writeValueAsString(cached);
	}

	private Cached cached(HttpServletRequest request) {
		String subject = this.currentUser.subject();
		HttpSession session = request.getSession(false);
		if (subject == null || session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String stored)) {
			return null;
		}
		try {
			Cached cached = this.json.readValue(stored, Cached.class);
			return (cached != null && subject.equals(cached.subject()) && cached.fetchedAt() != null) ? cached : null;
		}
		catch (JacksonException ex) {
			log.debug("Ignoring a stored profile that cannot be read: {}", ex.getOriginalMessage());
			return null;
		}
	}

	/**
	 * The session's copy of a profile, bounded: a subject of at most {@value #MAX_SUBJECT}
	 * characters, a display name of at most {@value #MAX_DISPLAY_NAME} (identity's own limit), an
	 * e-mail address of at most {@value #MAX_EMAIL} (RFC 5321's), and at most {@value #MAX_ROLES}
	 * roles of at most {@value #MAX_ROLE} characters each. Longer values are cut, not refused.
	 */
	record Cached(String subject, String displayName, String email, List<String> roles, Instant createdAt,
			Instant fetchedAt) {

		static final int MAX_SUBJECT = 255;

		static final int MAX_DISPLAY_NAME = 60;

		static final int MAX_EMAIL = 254;

		static final int MAX_ROLES = 8;

		static final int MAX_ROLE = 32;

		Cached {
			subject = cut(subject, MAX_SUBJECT);
			displayName = cut(displayName, MAX_DISPLAY_NAME);
			email = cut(email, MAX_EMAIL);
			roles = (roles != null) ? roles.stream()
				.filter(Objects::nonNull)
				.limit(MAX_ROLES)
				.map((role) -> cut(role, MAX_ROLE))
				.toList() : List.of();
		}

		static Cached of(String subject, UserProfile profile, Instant now) {
			return new Cached(subject, profile.displayName(), profile.email(), profile.roles(), profile.createdAt(), now);
		}

		UserProfile toProfile() {
			return new UserProfile(this.email, this.displayName, this.roles, this.createdAt);
		}

		private static String cut(String value, int max) {
			if (value == null || value.length() <= max) {
				return value;
			}
			// never half of a surrogate pair
			int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
			return value.substring(0, end);
		}

	}

}
