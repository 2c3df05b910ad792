package com.blueprintshop.storefront.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.blueprintshop.storefront.system.HttpCacheProperties;

/**
 * Catalog's version as this instance last heard it, asked again once it is older than
 * {@code shop.http-cache.version-freshness} (500 ms): without it every anonymous page the edge
 * does not answer would cost one more trip through the gateway. A page may therefore carry the
 * previous version's ETag for that long after a change — inside the edge's own two seconds.
 */
@Component
class CatalogVersions {

	private final CatalogClient catalog;

	private final Clock clock;

	private final Duration freshness;

	private volatile Known known;

	CatalogVersions(CatalogClient catalog, Clock clock, HttpCacheProperties properties) {
		this.catalog = catalog;
		this.clock = clock;
		this.freshness = properties.versionFreshness();
	}

	Optional<CatalogVersion> current() {
		Instant now = this.clock.instant();
		Known last = this.known;
		if (last != null && now.isBefore(last.heardAt().plus(this.freshness))) {
			return Optional.of(last.version());
		}
		Optional<CatalogVersion> version = this.catalog.version();
		// an unknown version is not remembered: the next page asks again
		this.known = version.map((v) -> new Known(v, now)).orElse(null);
		return version;
	}

	private record Known(CatalogVersion version, Instant heardAt) {
	}

}
