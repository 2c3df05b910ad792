package com.blueprintshop.storefront.account;

import java.time.Instant;
import java.util.List;

/** A user as identity describes them ({@code GET /me}). */
record UserProfile(String email, String displayName, List<String> roles, Instant createdAt) {

	UserProfile {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

}
