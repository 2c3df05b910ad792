package com.blueprintshop.defaults;

import java.time.Instant;

/**
 * What one service instance says about itself: the thin request that crosses every tier
 * (storefront → gateway → service → its database) returns this.
 *
 * @param service the application name
 * @param instance the instance id registered in discovery
 * @param version the build version
 * @param startedAt when this instance started
 * @param database the database this instance owns, as it answered just now
 */
public record About(String service, String instance, String version, Instant startedAt, Database database) {

	/**
	 * @param name the database name
	 * @param server the PostgreSQL server version
	 * @param schemaVersion the latest applied Flyway migration
	 */
	public record Database(String name, String server, String schemaVersion) {
	}

}
