package com.blueprintshop.identity.user.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.blueprintshop.identity.user.Role;
import com.blueprintshop.identity.user.User;

/** What the API shows of an account: never the password hash. */
record UserProfile(UUID id, String email, String displayName, List<Role> roles, Instant createdAt) {

	static UserProfile of(User user) {
		return new UserProfile(user.id(), user.email(), user.displayName(), user.roles().stream().sorted().toList(),
				user.createdAt());
	}

}
