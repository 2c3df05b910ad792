package com.blueprintshop.storefront.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, instead of in a chain of bean creation errors, which variable to set. */
class MissingClientSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingClientSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingClientSecretException cause) {
		return new FailureAnalysis(
				"The storefront has no OAuth2 client secret: BLUEPRINT_STOREFRONT_CLIENT_SECRET is not set. It signs "
						+ "users in, and creates accounts, as client '" + cause.clientId() + "' of identity.",
				"Set the environment variable BLUEPRINT_STOREFRONT_CLIENT_SECRET to the same value identity is "
						+ "started with (or set shop.storefront.identity.client-secret).",
				cause);
	}

}
