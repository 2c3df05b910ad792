package com.blueprintshop.identity.user;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registering people and changing their profiles. */
@Service
public class Accounts {

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	Accounts(Users users, PasswordEncoder passwordEncoder, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * Creates an account. The caller has checked the password against {@link PasswordPolicy}.
	 * @throws DuplicateEmailException if the e-mail address is taken in any letter case
	 */
	User register(String email, String displayName, String password, Set<Role> roles) {
		Instant now = this.clock.instant();
		User user = new User(UUID.randomUUID(), EmailAddresses.normalize(email), displayName.strip(),
				this.passwordEncoder.encode(password), EnumSet.copyOf(roles), now, now);
		try {
			// the unique index decides, so two registrations racing for one address cannot both win
			this.users.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEmailException();
		}
		return user;
	}

	public User registerCustomer(String email, String displayName, String password) {
		return register(email, displayName, password, EnumSet.of(Role.CUSTOMER));
	}

	public Optional<User> find(UUID id) {
		return this.users.findById(id);
	}

	public Optional<User> changeDisplayName(UUID id, String displayName) {
		return this.users.updateDisplayName(id, displayName.strip(), this.clock.instant());
	}

}
