package com.blueprintshop.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code service-defaults.properties} as the lowest-precedence property source, so every
 * deployable starts with the same operational defaults and can still override each of them.
 */
public class ServiceDefaultsEnvironment implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "blueprintServiceDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(SOURCE_NAME, new ClassPathResource("service-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("service-defaults.properties is missing from the classpath", ex);
		}
	}

}
