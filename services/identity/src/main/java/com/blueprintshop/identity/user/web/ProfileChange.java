package com.blueprintshop.identity.user.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /me}. */
record ProfileChange(
		@NotBlank(message = "Enter a display name")
		@Size(max = 60, message = "Use at most 60 characters")
		@Pattern(regexp = "[^\\p{Cntrl}]*", message = "Use letters, digits, spaces and punctuation only")
		String displayName) {

	ProfileChange normalized() {
		return new ProfileChange((this.displayName != null) ? this.displayName.strip() : null);
	}

}
