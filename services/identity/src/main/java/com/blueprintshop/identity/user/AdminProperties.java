package com.blueprintshop.identity.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator account created at start-up.
 *
 * @param adminEmail its e-mail address
 * @param adminPassword its initial password; without one no administrator is created, since a
 * built-in default would be a published password
 */
@ConfigurationProperties("shop.identity")
record AdminProperties(@DefaultValue("admin@blueprint.shop") String adminEmail, String adminPassword) {

	@Override
	public String toString() {
		return "AdminProperties[adminEmail=" + this.adminEmail + ", adminPassword="
				+ ((this.adminPassword != null) ? "******" : null) + "]";
	}

}
