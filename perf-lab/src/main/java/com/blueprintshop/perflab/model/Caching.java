package com.blueprintshop.perflab.model;

import java.util.List;
import java.util.Map;

/**
 * What the caches did in the measured window, layer by layer, and what still reached the
 * database.
 *
 * @param layers one row per cache: the edge's (from its access log) and every service's
 * ({@code cache.gets} from its metrics)
 * @param requests the requests the load sent in the same window
 * @param statements statements PostgreSQL ran per database ({@code pg_stat_statements}); empty
 * when the server does not keep the statistics
 * @param statementsPerRequest all of them together, per request of the load
 * @param queries the statements per database less transaction control and the outbox relays'
 * and inboxes' own polling, which run whatever the load: what requests asked of the database
 * @param queriesPerRequest those, per request of the load
 */
public record Caching(List<Layer> layers, long requests, Map<String, Long> statements, Double statementsPerRequest,
		Map<String, Long> queries, Double queriesPerRequest) {

	public Caching {
		layers = (layers != null) ? List.copyOf(layers) : List.of();
		statements = (statements != null) ? Map.copyOf(statements) : Map.of();
		queries = (queries != null) ? Map.copyOf(queries) : Map.of();
	}

	/**
	 * @param layer {@code edge}, {@code near}, {@code redis} or the cache's own kind
	 * @param component where the cache lives
	 * @param cache its name
	 * @param bypassed requests that were not allowed to use it (the edge: a session, a personal page)
	 * @param hitRatio hits over hits and misses, {@code null} without either
	 */
	public record Layer(String layer, String component, String cache, long hits, long misses, long bypassed,
			Double hitRatio) {

		public static Layer of(String layer, String component, String cache, long hits, long misses, long bypassed) {
			return new Layer(layer, component, cache, hits, misses, bypassed,
					(hits + misses > 0) ? Math.round(hits * 10000.0 / (hits + misses)) / 10000.0 : null);
		}

	}

}
