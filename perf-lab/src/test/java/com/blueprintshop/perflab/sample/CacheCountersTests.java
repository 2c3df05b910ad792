package com.blueprintshop.perflab.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.blueprintshop.perflab.model.Caching;

import static org.assertj.core.api.Assertions.assertThat;

class CacheCountersTests {

	@TempDir
	Path directory;

	@Test
	void countsTheEdgesVerdictsOnlyForLinesWrittenInTheWindow() throws Exception {
		Path log = this.directory.resolve("edge-access.log");
		Files.writeString(log, line("/c/shoes", "MISS") + line("/c/shoes", "HIT"));
		CacheCounters counters = new CacheCounters(log, Optional.empty());
		CacheCounters.Snapshot start = counters.snapshot();
		Files.writeString(log, line("/c/shoes", "HIT") + line("/p/boot", "STALE") + line("/p/boot", "EXPIRED")
				+ line("/account", "BYPASS") + line("/images/a.png", "HIT") + line("/static/shop.css", "-"),
				StandardOpenOption.APPEND);
		CacheCounters.Snapshot end = counters.snapshot();

		Caching caching = counters.between(start, end, 6);

		assertThat(caching.layers()).containsExactly(Caching.Layer.of("edge", "edge", "images", 1, 0, 0),
				Caching.Layer.of("edge", "edge", "pages", 1, 2, 1));
		assertThat(caching.layers().get(1).hitRatio()).as("STALE asked the storefront in the background").isEqualTo(0.3333);
		assertThat(caching.statementsPerRequest()).as("no database to ask").isNull();
	}

	@Test
	void takesEachServiceCacheFromItsCacheGetsBetweenTheTwoScrapes() {
		CacheCounters counters = new CacheCounters(null, Optional.empty());
		PrometheusText before = PrometheusText.parse("""
				cache_gets_total{cache="catalog.near.products",result="hit"} 10.0
				cache_gets_total{cache="catalog.near.products",result="miss"} 5.0
				""");
		PrometheusText after = PrometheusText.parse("""
				cache_gets_total{cache="catalog.near.products",result="hit"} 100.0
				cache_gets_total{cache="catalog.near.products",result="miss"} 15.0
				cache_gets_total{cache="catalog.redis.products",result="hit"} 8.0
				cache_gets_total{cache="catalog.redis.products",result="miss"} 2.0
				""");

		Caching caching = counters.between(
				new CacheCounters.Snapshot(Map.of("catalog", before), 0,
						Optional.of(Map.of("bp_catalog", 1000L, "bp_catalog queries", 300L))),
				new CacheCounters.Snapshot(Map.of("catalog", after), 0, Optional.of(
						Map.of("bp_catalog", 1040L, "bp_catalog queries", 310L, "bp_order", 10L, "bp_order queries", 0L))),
				1000);

		assertThat(caching.layers()).containsExactly(Caching.Layer.of("near", "catalog", "catalog.near.products", 90, 10, 0),
				Caching.Layer.of("redis", "catalog", "catalog.redis.products", 8, 2, 0));
		assertThat(caching.statements()).isEqualTo(Map.of("bp_catalog", 40L, "bp_order", 10L));
		assertThat(caching.statementsPerRequest()).isEqualTo(0.05);
		assertThat(caching.queries()).isEqualTo(Map.of("bp_catalog", 10L));
		assertThat(caching.queriesPerRequest()).isEqualTo(0.01);
	}

	@Test
	void namesTheLayerFromTheCacheName() {
		assertThat(CacheCounters.layerOf("catalog.near.products")).isEqualTo("near");
		assertThat(CacheCounters.layerOf("catalog.redis.version")).isEqualTo("redis");
		assertThat(CacheCounters.layerOf("sessions")).isEqualTo("object");
	}

	private static String line(String path, String cache) {
		return "127.0.0.1 [01/Dec/2026:12:00:00 +0000] \"GET " + path + " HTTP/2.0\" 200 5120 0.004 cache=" + cache
				+ " upstream=127.0.0.1:8081 0.004\n";
	}

}
