package com.blueprintshop.defaults;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.springframework.boot.info.BuildProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /about}: the service's name, instance, version, and its own database queried now,
 * so one request shows the whole path from the browser down to PostgreSQL is alive.
 */
@RestController
class AboutController {

	private final JdbcClient jdbc;

	private final String service;

	private final String instance;

	private final String version;

	private final Instant startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

	AboutController(JdbcClient jdbc, String service, String instance, BuildProperties build) {
		this.jdbc = jdbc;
		this.service = service;
		this.instance = instance;
		this.version = (build != null) ? build.getVersion() : "unknown";
	}

	@GetMapping(path = "/about", produces = "application/json")
	About about() {
		About.Database database = this.jdbc.sql("""
				select current_database() as name,
				       current_setting('server_version') as server,
				       (select version from flyway_schema_history
				         where success and version is not null
				         order by installed_rank desc limit 1) as schema_version
				""")
			.query((rs, row) -> new About.Database(rs.getString("name"), "PostgreSQL " + rs.getString("server"),
					rs.getString("schema_version")))
			.single();
		return new About(this.service, this.instance, this.version, this.startedAt, database);
	}

}
