package com.blueprintshop.storefront.system;

/** The storefront was started without the OAuth2 client secret it shares with identity. */
class MissingClientSecretException extends IllegalStateException {

	private final String clientId;

	MissingClientSecretException(String clientId) {
		super("BLUEPRINT_STOREFRONT_CLIENT_SECRET is not set. The storefront signs users in as OAuth2 client '"
				+ clientId + "' of identity and needs the secret identity was given for it.");
		this.clientId = clientId;
	}

	String clientId() {
		return this.clientId;
	}

}
