package com.blueprintshop.inventory.sku.messaging;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.inventory.sku.CatalogChanges;
import com.blueprintshop.inventory.sku.CatalogClient;
import com.blueprintshop.inventory.sku.CatalogClient.Product;
import com.blueprintshop.inventory.system.Topics;

/**
 * Reads {@code catalog.changed}: products published (created, updated, restored) are fetched from
 * catalog for their SKUs, retired ones stop being reservable; category events are not inventory's
 * business. A catalog that does not answer fails the message, which is retried with backoff.
 */
@Component
class CatalogChangedListener {

	private static final Set<String> PUBLISHED = Set.of("PRODUCT_CREATED", "PRODUCT_UPDATED", "PRODUCT_RESTORED");

	private static final Set<String> IGNORED = Set.of("CATEGORY_CREATED", "CATEGORY_UPDATED", "CATEGORY_RETIRED");

	private final CatalogChanges changes;

	private final CatalogClient catalog;

	private final JsonMapper json;

	CatalogChangedListener(CatalogChanges changes, CatalogClient catalog, JsonMapper json) {
		this.changes = changes;
		this.catalog = catalog;
		this.json = json;
	}

	@KafkaListener(id = "inventory-catalog-changed", idIsGroup = false, topics = Topics.CATALOG_CHANGED)
	void onChange(String value) {
		CatalogChanged change;
		try {
			change = this.json.readValue(value, CatalogChanged.class);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Not a catalog change: " + ex.getOriginalMessage(), ex);
		}
		if (change == null || change.eventId() == null || change.type() == null) {
			throw new PoisonMessageException("A catalog change needs eventId and type");
		}
		if (IGNORED.contains(change.type())) {
			return;
		}
		if (!PUBLISHED.contains(change.type()) && !"PRODUCT_RETIRED".equals(change.type())) {
			throw new PoisonMessageException("Unknown catalog change " + change.type());
		}
		if (change.productId() == null) {
			throw new PoisonMessageException(change.type() + " " + change.eventId() + " names no product");
		}
		if (change.type().equals("PRODUCT_RETIRED")) {
			this.changes.retired(change.eventId(), change.productId());
		}
		else if (!this.changes.handledBefore(change.eventId())) {
			Optional<Product> product = this.catalog.product(change.productId());
			this.changes.published(change.eventId(), product);
		}
	}

	/** The fields of catalog's {@code CatalogChanged} that inventory reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CatalogChanged(UUID eventId, String type, UUID productId) {
	}

}
