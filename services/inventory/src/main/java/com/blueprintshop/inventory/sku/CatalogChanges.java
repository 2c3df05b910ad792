package com.blueprintshop.inventory.sku;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.defaults.messaging.Inbox;
import com.blueprintshop.inventory.sku.CatalogClient.Product;

/**
 * The effects of {@code catalog.changed}, each once (inbox) and in one transaction. A product
 * published is fetched from catalog before this is called, outside the transaction: no database
 * transaction waits on a network call.
 */
@Component
public class CatalogChanges {

	/** The inbox's name for this consumer. */
	public static final String CONSUMER = "inventory.catalog-changed";

	private final Inbox inbox;

	private final SkuRegistry registry;

	private final JdbcClient jdbc;

	CatalogChanges(Inbox inbox, SkuRegistry registry, JdbcClient jdbc) {
		this.inbox = inbox;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** Whether the event was handled before (a redelivery need not ask catalog again). */
	public boolean handledBefore(UUID eventId) {
		return this.jdbc.sql("select exists (select 1 from inbox where consumer = :consumer and event_id = :eventId)")
			.param("consumer", CONSUMER)
			.param("eventId", eventId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A product was created, changed or restored: its SKUs as catalog has them now. Empty when
	 * catalog no longer has it active (a later retirement event says so).
	 */
	@Transactional
	public void published(UUID eventId, Optional<Product> product) {
		if (this.inbox.firstDelivery(CONSUMER, eventId)) {
			product.ifPresent(this.registry::published);
		}
	}

	@Transactional
	public void retired(UUID eventId, UUID productId) {
		if (this.inbox.firstDelivery(CONSUMER, eventId)) {
			this.registry.retired(productId);
		}
	}

}
