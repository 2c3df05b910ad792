package com.blueprintshop.identity.user;

/** Another account already uses the e-mail address (compared case-insensitively). */
public class DuplicateEmailException extends RuntimeException {

	public DuplicateEmailException() {
		super("An account with this e-mail already exists");
	}

}
