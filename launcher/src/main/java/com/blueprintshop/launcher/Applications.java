package com.blueprintshop.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.blueprintshop.launcher.infra.PostgresRunner;

/** How an application component is started: its JVM command line and the environment it gets. */
final class Applications {

	private Applications() {
	}

	static List<String> command(Settings settings, ComponentSpec spec, Path jar) {
		List<String> command = new ArrayList<>();
		command.add(Settings.javaExecutable().toString());
		command.add("-Dblueprint.home=" + settings.home());
		command.addAll(settings.appJvmOptions(spec.jvmOptionsKey()));
		command.addAll(AotCache.of(jar).map(AotCache::launchArguments).orElseGet(() -> List.of("-jar", jar.toString())));
		return command;
	}

	static Map<String, String> environment(ComponentSpec spec, int port, Endpoints endpoints, Secrets secrets) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("BLUEPRINT_INSTANCE_ID", spec.instanceId());
		if (endpoints.discoveryPort() != null) {
			env.put("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", endpoints.eurekaUrl());
		}
		putIfKnown(env, "SPRING_DATA_REDIS_URL", endpoints.redisUrl());
		putIfKnown(env, "SPRING_KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap());
		putIfKnown(env, "SPRING_MAIL_HOST", endpoints.smtpHost());
		putIfKnown(env, "SPRING_MAIL_PORT", (endpoints.smtpPort() != null) ? endpoints.smtpPort().toString() : null);
		if (spec.name().equals("identity") || spec.kind() == Kind.STOREFRONT) {
			env.put("BLUEPRINT_STOREFRONT_CLIENT_SECRET", secrets.storefrontClientSecret());
		}
		if (spec.name().equals("identity")) {
			env.put("SHOP_IDENTITY_ADMIN_EMAIL", Secrets.ADMIN_EMAIL);
			env.put("SHOP_IDENTITY_ADMIN_PASSWORD", secrets.adminPassword());
			// identity redirects browsers only to registered addresses: the edge's, on the port it got
			int edge = (endpoints.edgePort() != null) ? endpoints.edgePort() : 8443;
			List<String> origins = List.of("https://localhost:" + edge, "https://127.0.0.1:" + edge);
			env.put("SHOP_IDENTITY_STOREFRONT_REDIRECT_URIS",
					origins.stream().map((origin) -> origin + "/login/oauth2/code/identity").collect(Collectors.joining(",")));
			env.put("SHOP_IDENTITY_STOREFRONT_POST_LOGOUT_URIS",
					origins.stream().map((origin) -> origin + "/").collect(Collectors.joining(",")));
		}
		spec.database().ifPresent((database) -> {
			env.put("SPRING_DATASOURCE_URL",
					PostgresRunner.jdbcUrl(endpoints.postgresHost(), endpoints.postgresPort(), database));
			env.put("SPRING_DATASOURCE_USERNAME", database);
			env.put("SPRING_DATASOURCE_PASSWORD", secrets.databasePassword(database));
		});
		return env;
	}

	static String baseUrl(int port) {
		return "http://127.0.0.1:" + port + "/";
	}

	static String readinessUrl(int port) {
		return "http://127.0.0.1:" + port + "/actuator/health/readiness";
	}

	private static void putIfKnown(Map<String, String> env, String name, String value) {
		if (value != null) {
			env.put(name, value);
		}
	}

}
