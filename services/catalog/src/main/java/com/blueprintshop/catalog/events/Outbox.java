package com.blueprintshop.catalog.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.events.CatalogChanged.Type;

/**
 * Records a catalog change for publication. It joins the caller's transaction (and refuses to
 * run without one), so the event exists exactly when the change it reports was committed;
 * {@link OutboxRelay} sends it afterwards.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void productChanged(Type type, UUID productId, String productSlug, UUID categoryId, String categorySlug,
			long version) {
		append(new CatalogChanged(UUID.randomUUID(), type, productId, productSlug, categoryId, categorySlug, version,
				this.clock.instant()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void categoryChanged(Type type, UUID categoryId, String categorySlug) {
		append(new CatalogChanged(UUID.randomUUID(), type, null, null, categoryId, categorySlug, null,
				this.clock.instant()));
	}

	private void append(CatalogChanged event) {
		this.jdbc.sql("""
				insert into outbox (aggregate_id, event_type, payload, created_at)
				values (:aggregateId, :type, cast(:payload as json), :createdAt)
				""")
			.param("aggregateId", event.aggregateId())
			.param("type", event.type().name())
			.param("payload", this.json.writeValueAsString(event))
			.param("createdAt", Timestamp.from(event.occurredAt()))
			.update();
	}

}
