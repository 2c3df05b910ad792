package com.blueprintshop.identity.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person who can sign in.
 *
 * @param id the subject of every token issued to this person
 * @param email trimmed and lower-case, unique
 * @param displayName how the shop addresses the person
 * @param passwordHash the encoded password, with its encoder's id prefix
 * @param roles never empty
 * @param createdAt when the account was registered
 * @param updatedAt when the account last changed
 */
public record User(UUID id, String email, String displayName, String passwordHash, Set<Role> roles,
		Instant createdAt, Instant updatedAt) {

	// a user in a log line must not carry the hash or the address with it
	@Override
	public String toString() {
		return "User[id=" + this.id + ", roles=" + this.roles + "]";
	}

}
