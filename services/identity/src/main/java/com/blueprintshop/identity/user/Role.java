package com.blueprintshop.identity.user;

/** What a person may do in the shop; carried in tokens as the {@code roles} claim. */
public enum Role {

	CUSTOMER, WAREHOUSE, ADMIN

}
