package com.blueprintshop.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationsTests {

	@TempDir
	Path home;

	private final Endpoints endpoints = Endpoints.none()
		.withPostgres("127.0.0.1", 15432)
		.withRedis("redis://127.0.0.1:16379")
		.withKafka("127.0.0.1:19092")
		.withMail("127.0.0.1", 3025, 3080)
		.withDiscovery(8761);

	@Test
	void handsAServiceItsDatabaseAndEveryEndpoint() {
		Secrets secrets = Secrets.load(this.home.resolve("secrets.properties"));
		ComponentSpec catalog = Topology.of(2).find("catalog").orElseThrow();

		Map<String, String> env = Applications.environment(catalog, 41000, this.endpoints, secrets);

		assertThat(env).containsEntry("SERVER_PORT", "41000")
			.containsEntry("BLUEPRINT_INSTANCE_ID", "catalog-1")
			.containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/")
			.containsEntry("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:16379")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
			.containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
			.containsEntry("SPRING_MAIL_PORT", "3025")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/bp_catalog")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "bp_catalog")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", secrets.databasePassword("bp_catalog"));
		assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).hasSize(32);
	}

	@Test
	void handsIdentityTheClientSecretTheAdminAndTheEdgesAddresses() {
		Secrets secrets = Secrets.load(this.home.resolve("secrets.properties"));
		ComponentSpec identity = Topology.of(2).find("identity").orElseThrow();

		Map<String, String> env = Applications.environment(identity, 9001, this.endpoints.withEdge(18443), secrets);

		assertThat(env).containsEntry("BLUEPRINT_STOREFRONT_CLIENT_SECRET", secrets.storefrontClientSecret())
			.containsEntry("SHOP_IDENTITY_ADMIN_EMAIL", "admin@blueprint.shop")
			.containsEntry("SHOP_IDENTITY_STOREFRONT_REDIRECT_URIS",
					"https://localhost:18443/login/oauth2/code/identity,https://127.0.0.1:18443/login/oauth2/code/identity")
			.containsEntry("SHOP_IDENTITY_STOREFRONT_POST_LOGOUT_URIS", "https://localhost:18443/,https://127.0.0.1:18443/");
		assertThat(env.get("SHOP_IDENTITY_ADMIN_PASSWORD")).hasSize(29).matches(".*[A-Za-z].*").matches(".*-\\d{4}");
		assertThat(secrets.adminPasswordIsNew()).isTrue();
		assertThat(Secrets.load(this.home.resolve("secrets.properties")).adminPasswordIsNew()).isFalse();
	}

	@Test
	void givesTheStorefrontTheSameClientSecretAsIdentity() {
		Secrets secrets = Secrets.load(this.home.resolve("secrets.properties"));
		ComponentSpec storefront = Topology.of(2).find("storefront-1").orElseThrow();

		Map<String, String> env = Applications.environment(storefront, 8081, this.endpoints, secrets);

		assertThat(env).containsEntry("BLUEPRINT_STOREFRONT_CLIENT_SECRET",
				Secrets.load(this.home.resolve("secrets.properties")).storefrontClientSecret())
			.doesNotContainKey("SHOP_IDENTITY_ADMIN_PASSWORD");
	}

	@Test
	void givesNoDatabaseToTheEdgeApplications() {
		Secrets secrets = Secrets.load(this.home.resolve("secrets.properties"));
		ComponentSpec storefront = Topology.of(2).find("storefront-2").orElseThrow();

		Map<String, String> env = Applications.environment(storefront, 8082, this.endpoints, secrets);

		assertThat(env).containsEntry("BLUEPRINT_INSTANCE_ID", "storefront-2").doesNotContainKey("SPRING_DATASOURCE_URL");
	}

	@Test
	void putsTheHomeOnTheCommandLineAndTheSpecificOptionsLast() {
		Settings settings = Settings.from(Map.of("BLUEPRINT_HOME", this.home.toString(), "BLUEPRINT_JVM_OPTS_GATEWAY",
				"-Xmx300m"), Path.of("/repo"));
		ComponentSpec gateway = Topology.of(2).find("gateway").orElseThrow();

		List<String> command = Applications.command(settings, gateway, Path.of("/repo/gateway/target/gateway-exec.jar"));

		assertThat(command).contains("-Dblueprint.home=" + this.home, "-Xmx256m")
			.endsWith("-Xmx300m", "-jar", "/repo/gateway/target/gateway-exec.jar");
	}

	@Test
	void keepsGeneratedPasswordsPrivateAndStable() throws Exception {
		Path file = this.home.resolve("secrets.properties");
		String first = Secrets.load(file).databasePassword("bp_order");

		assertThat(Secrets.load(file).databasePassword("bp_order")).isEqualTo(first);
		assertThat(Secrets.load(file).databasePassword("bp_payment")).isNotEqualTo(first);
		assertThat(java.nio.file.Files.getPosixFilePermissions(file))
			.containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
	}

}
