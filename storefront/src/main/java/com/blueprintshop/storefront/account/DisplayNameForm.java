package com.blueprintshop.storefront.account;

/** The account page's one editable field. */
class DisplayNameForm {

	private String displayName;

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

}
