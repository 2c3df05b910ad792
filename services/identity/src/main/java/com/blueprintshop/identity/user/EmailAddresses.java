package com.blueprintshop.identity.user;

import java.util.Locale;

/** The one spelling of an e-mail address that is stored, looked up and throttled on. */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	public static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

}
