package com.blueprintshop.storefront.account;

/** The sign-up form as typed. Identity checks it; the storefront only passes it on. */
class SignupForm {

	private String email;

	private String displayName;

	private String password;

	private String confirmPassword;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	/** A form shown again keeps what was typed, except the passwords. */
	void forgetPasswords() {
		this.password = null;
		this.confirmPassword = null;
	}

}
