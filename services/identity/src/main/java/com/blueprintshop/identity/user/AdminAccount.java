package com.blueprintshop.identity.user;

import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the administrator at start-up when an initial password is configured. An existing
 * administrator is left alone: the password may have been changed since, and restarting a
 * service must never reset it.
 */
@Component
class AdminAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final Accounts accounts;

	private final Users users;

	private final AdminProperties properties;

	AdminAccount(Accounts accounts, Users users, AdminProperties properties) {
		this.accounts = accounts;
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = EmailAddresses.normalize(this.properties.adminEmail());
		String password = this.properties.adminPassword();
		if (!StringUtils.hasText(password)) {
			if (this.users.findByEmail(email).isEmpty()) {
				log.warn("No administrator account was created: set SHOP_IDENTITY_ADMIN_PASSWORD "
						+ "(shop.identity.admin-password) to create {} at start-up", email);
			}
			return;
		}
		if (this.users.findByEmail(email).isPresent()) {
			log.info("Administrator account {} exists; its password is left unchanged", email);
			return;
		}
		List<String> problems = PasswordPolicy.problems(password, email);
		if (!problems.isEmpty()) {
			log.warn("No administrator account was created: SHOP_IDENTITY_ADMIN_PASSWORD breaks the password policy: {}",
					String.join("; ", problems));
			return;
		}
		try {
			this.accounts.register(email, "Administrator", password, EnumSet.of(Role.ADMIN, Role.CUSTOMER));
			log.info("Created administrator account {}", email);
		}
		catch (DuplicateEmailException ex) {
			log.info("Administrator account {} was created by another instance", email);
		}
	}

}
