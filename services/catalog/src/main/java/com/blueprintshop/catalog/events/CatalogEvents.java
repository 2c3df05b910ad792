package com.blueprintshop.catalog.events;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.cache.CatalogVersions;
import com.blueprintshop.catalog.events.CatalogChanged.Type;
import com.blueprintshop.defaults.messaging.Outbox;

/**
 * Records a catalog change for publication on {@code catalog.changed}. It joins the caller's
 * transaction (and refuses to run without one), so the event exists exactly when the change it
 * reports was committed; the shared outbox relay sends it afterwards, keyed by the product's or
 * category's id. In the same transaction it raises the catalog generation (every staff change
 * passes here, so none can miss it), and it announces the change inside the application, where
 * the caches refresh their entries once the transaction has committed.
 */
@Component
public class CatalogEvents {

	public static final String TOPIC = "catalog.changed";

	private final Outbox outbox;

	private final Clock clock;

	private final CatalogVersions versions;

	private final ApplicationEventPublisher publisher;

	CatalogEvents(Outbox outbox, Clock clock, CatalogVersions versions, ApplicationEventPublisher publisher) {
		this.outbox = outbox;
		this.clock = clock;
		this.versions = versions;
		this.publisher = publisher;
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
		this.outbox.append(TOPIC, event.aggregateId().toString(), event.eventId(), event.type().name(), event);
		this.versions.bump(event.productId());
		this.publisher.publishEvent(event);
	}

}
