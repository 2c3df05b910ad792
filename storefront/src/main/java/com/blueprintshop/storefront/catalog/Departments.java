package com.blueprintshop.storefront.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.blueprintshop.storefront.system.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The top-level categories every page's header links to ({@code ${@departments.all()}}).
 * Fetched once a minute rather than on every page view, and kept when catalog does not answer:
 * the header must render, even on the page that says catalog is down.
 */
@Component("departments")
class Departments {

	private static final Logger log = LoggerFactory.getLogger(Departments.class);

	static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private final CatalogClient catalog;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

	Departments(CatalogClient catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The top-level categories, possibly a minute old, empty if catalog has never answered. */
	public List<Category> all() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current.fetchedAt().plus(FRESH_FOR).isAfter(now)) {
			return current.departments();
		}
		try {
			List<Category> departments = this.catalog.categories().stream().filter((c) -> c.depth() == 0).toList();
			this.snapshot = new Snapshot(departments, now);
			return departments;
		}
		catch (GatewayException ex) {
			log.debug("Departments unavailable, showing what was last fetched: {}", ex.getMessage());
			// try again after a while, not on every page while catalog is down
			this.snapshot = new Snapshot(current.departments(), now.minus(FRESH_FOR).plus(Duration.ofSeconds(10)));
			return current.departments();
		}
	}

	private record Snapshot(List<Category> departments, Instant fetchedAt) {
	}

}
