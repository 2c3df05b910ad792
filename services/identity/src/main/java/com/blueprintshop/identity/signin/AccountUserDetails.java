package com.blueprintshop.identity.signin;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import com.blueprintshop.identity.user.Role;
import com.blueprintshop.identity.user.Users;

/**
 * Finds the account for the e-mail address typed on the sign-in page. The principal's name is
 * the user id, not the address: it becomes the {@code sub} of every token, which must not change
 * when the person changes their address.
 */
@Component
class AccountUserDetails implements UserDetailsService {

	private final Users users;

	AccountUserDetails(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.users.findByEmail(email)
			.map((user) -> User.withUsername(user.id().toString())
				.password(user.passwordHash())
				.roles(user.roles().stream().map(Role::name).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No account for this e-mail address"));
	}

}
