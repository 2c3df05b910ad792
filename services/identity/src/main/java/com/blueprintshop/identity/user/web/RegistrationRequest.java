package com.blueprintshop.identity.user.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.blueprintshop.identity.user.EmailAddresses;

/**
 * {@code POST /users}. The password rules are {@link com.blueprintshop.identity.user.PasswordPolicy}'s,
 * checked after these.
 */
record RegistrationRequest(
		@NotBlank(message = "Enter your e-mail address")
		@Size(max = 254, message = "Use at most 254 characters")
		@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "Enter a valid e-mail address, like name@example.com")
		String email,
		@NotBlank(message = "Enter a display name")
		@Size(max = 60, message = "Use at most 60 characters")
		@Pattern(regexp = "[^\\p{Cntrl}]*", message = "Use letters, digits, spaces and punctuation only")
		String displayName,
		String password,
		String confirmPassword) {

	/** The address as it will be stored, and the name without surrounding blanks. */
	RegistrationRequest normalized() {
		return new RegistrationRequest(EmailAddresses.normalize(this.email),
				(this.displayName != null) ? this.displayName.strip() : null, this.password, this.confirmPassword);
	}

	@Override
	public String toString() {
		return "RegistrationRequest[email=" + this.email + ", displayName=" + this.displayName + "]";
	}

}
