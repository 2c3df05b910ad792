package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system on the machine's own PostgreSQL (127.0.0.1:5432) and Redis (:6379), named by
 * environment variables: the launcher starts neither, creates the services' databases there,
 * and every request still crosses every tier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ExternalInfrastructureIntegrationTests {

	static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	static final List<String> SERVICES = SystemIntegrationTests.SERVICES;

	final Blueprint blueprint = new Blueprint("system-external").with("BLUEPRINT_POSTGRES_URL", ADMIN_URL)
		.with("BLUEPRINT_REDIS_URL", "redis://127.0.0.1:6379")
		.with("BLUEPRINT_STOREFRONT_INSTANCES", "1");

	Blueprint.Result up;

	@BeforeAll
	void startOnTheMachinesServers() throws Exception {
		dropServiceDatabases();
		SystemState.deleteRecursively(this.blueprint.home());
		this.up = this.blueprint.run(Duration.ofMinutes(10), "up");
	}

	@AfterAll
	void dropDatabases() throws SQLException {
		dropServiceDatabases();
	}

	@Test
	@Order(1)
	void startsNeitherPostgresNorRedis() throws Exception {
		assertThat(this.up.exitCode()).as(this.up.output()).isZero();
		SystemState state = SystemState.read(this.blueprint);
		assertThat(state.external("postgres")).isTrue();
		assertThat(state.external("redis")).isTrue();
		assertThat(state.port("postgres")).isEqualTo(5432);
		assertThat(state.port("redis")).isEqualTo(6379);
		assertThat(this.blueprint.processesOfThisHome())
			.noneMatch(p -> p.info().command().map(c -> c.endsWith("postgres") || c.contains("redis-server")).orElse(false));
	}

	@Test
	@Order(2)
	void createsEachServiceItsOwnDatabaseThere() throws SQLException {
		assertThat(serviceDatabases()).containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> "bp_" + s).toList());
	}

	@Test
	@Order(3)
	void aRequestCrossesEveryTierToTheMachinesPostgres() throws Exception {
		Edge edge = Edge.of(this.blueprint);
		HttpResponse<String> system = edge.get("/system");
		assertThat(system.statusCode()).isEqualTo(200);
		for (String service : SERVICES) {
			// the machine's server is PostgreSQL 15; the embedded one would say 17
			assertThat(system.body()).contains("bp_" + service + " · PostgreSQL 15");
		}
		// the catalog seeded itself there, search (pg_trgm) included
		HttpResponse<String> search = edge.get("/search?q=hedphones");
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("Studio Wireless Headphones");
	}

	@Test
	@Order(4)
	void theStorefrontKeepsItsSessionsInTheMachinesRedis() throws Exception {
		SystemState state = SystemState.read(this.blueprint);
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + state.port("storefront-1") + "/actuator/health"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).contains("\"redis\":{\"status\":\"UP\"");
	}

	@Test
	@Order(5)
	void downStopsOurProcessesAndLeavesTheMachinesServersRunning() throws Exception {
		this.blueprint.downLeavesNothingBehind();
		assertThat(serviceDatabases()).hasSize(SERVICES.size());
	}

	static List<String> serviceDatabases() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(ADMIN_URL);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select datname from pg_database where datname like 'bp\\_%'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	static void dropServiceDatabases() throws SQLException {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL);
				Statement statement = connection.createStatement()) {
			for (String service : SERVICES) {
				statement.execute("drop database if exists bp_" + service + " with (force)");
				statement.execute("drop role if exists bp_" + service);
			}
		}
	}

}
