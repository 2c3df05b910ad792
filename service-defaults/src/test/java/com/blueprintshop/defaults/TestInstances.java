package com.blueprintshop.defaults;

import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service started as a whole application on a random port, for tests that need two instances
 * of it side by side (caches invalidating each other): the properties go in as command-line
 * arguments, so they outrank {@code application.yml} as a test's properties do, and tokens are
 * checked against {@link TestTokens}.
 */
public final class TestInstances {

	private TestInstances() {
	}

	public static ConfigurableApplicationContext start(Class<?> application, Map<String, ?> properties) {
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(application, TestTokens.Decoder.class).run(args);
	}

	public static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

}
