package com.blueprintshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TacticTests {

	@TempDir
	java.nio.file.Path directory;

	private final Topology topology = Topology.of(2);

	@Test
	void isNamedAsTypedAndSaysWhichOnesThereAreWhenUnknown() {
		assertThat(Tactic.of("async-checkout")).isEqualTo(Tactic.ASYNC_CHECKOUT);
		assertThat(Tactic.of("DB-POOL")).isEqualTo(Tactic.DB_POOL);
		assertThat(Tactic.of("Edge-Cache")).isEqualTo(Tactic.EDGE_CACHE);
		assertThatIllegalArgumentException().isThrownBy(() -> Tactic.of("cdn"))
			.withMessageContaining("async-checkout")
			.withMessageContaining("db-pool")
			.withMessageContaining("near-cache");
	}

	@Test
	void changesOnlyTheComponentsItIsAbout() {
		assertThat(Tactic.ASYNC_CHECKOUT.changes(spec("order"))).isTrue();
		assertThat(Tactic.ASYNC_CHECKOUT.changes(spec("catalog"))).isFalse();
		assertThat(Tactic.ASYNC_CHECKOUT.environment()).containsEntry("SHOP_ORDER_CHECKOUT_MODE", "sync")
			.containsEntry("SHOP_ORDER_SAGA_PAYMENT_TIMEOUT", "5s");
		assertThat(Topology.SERVICES).allSatisfy((service) -> assertThat(Tactic.DB_POOL.changes(spec(service))).isTrue());
		assertThat(Tactic.DB_POOL.changes(spec("gateway"))).isFalse();
		assertThat(Tactic.DB_POOL.changes(spec("storefront-1"))).isFalse();
		assertThat(Tactic.DB_POOL.changes(spec("postgres"))).isFalse();
		assertThat(Tactic.DB_POOL.environment()).isEqualTo(Map.of("BLUEPRINT_DB_POOL_SIZE", "2"));
	}

	@Test
	void eachCacheLayerIsSwitchedWhereItLives() {
		assertThat(Tactic.HTTP_CACHE.changes(spec("storefront-1"))).isTrue();
		assertThat(Tactic.HTTP_CACHE.changes(spec("catalog"))).isTrue();
		assertThat(Tactic.HTTP_CACHE.changes(spec("gateway"))).isFalse();
		assertThat(Tactic.HTTP_CACHE.environment()).isEqualTo(Map.of("SHOP_HTTP_CACHE_ENABLED", "false"));
		assertThat(Tactic.NEAR_CACHE.changes(spec("catalog"))).isTrue();
		assertThat(Tactic.NEAR_CACHE.changes(spec("inventory"))).isTrue();
		assertThat(Tactic.NEAR_CACHE.changes(spec("order"))).isFalse();
		assertThat(Tactic.NEAR_CACHE.environment()).isEqualTo(Map.of("SHOP_CATALOG_CACHE_NEAR_ENABLED", "false",
				"SHOP_INVENTORY_AVAILABILITY_CACHE_ENABLED", "false"));
		assertThat(Tactic.REDIS_CACHE.environment()).isEqualTo(Map.of("SHOP_CATALOG_CACHE_REDIS_ENABLED", "false"));
		assertThat(Tactic.EDGE_CACHE.changes(spec("edge"))).isTrue();
		assertThat(Tactic.EDGE_CACHE.changes(spec("storefront-1"))).isFalse();
		assertThat(Tactic.EDGE_CACHE.changesEdge()).isTrue();
		assertThat(Tactic.NEAR_CACHE.changesEdge()).isFalse();
		assertThat(Tactic.NEAR_CACHE.changes(spec("edge"))).isFalse();
	}

	@Test
	void aRunRemembersWhatItRunsWithoutAcrossItsStateFile() {
		RunState state = RunState.begin(new BlueprintHome(this.directory), Instant.parse("2026-12-01T10:00:00Z"))
			.without(EnumSet.of(Tactic.DB_POOL, Tactic.ASYNC_CHECKOUT));
		RunState read = StateStore.fromJson(StateStore.toJson(state));
		assertThat(read.without()).containsExactly("async-checkout", "db-pool");
		assertThat(read.ablations()).containsExactlyInAnyOrder(Tactic.ASYNC_CHECKOUT, Tactic.DB_POOL);
		assertThat(read.with(ComponentState.planned(spec("order"), List.of(9004), "http://127.0.0.1:9004/", ""))
			.ablations()).as("kept when a component changes").hasSize(2);
	}

	@Test
	void aStateFileFromBeforeAblationsReadsAsRunningWithEverything() {
		String old = StateStore.toJson(RunState.begin(new BlueprintHome(this.directory), Instant.now()))
			.replaceAll(",\\s*\"without\"\\s*:\\s*\\[\\s*\\]", "");
		assertThat(old).doesNotContain("without");
		assertThat(StateStore.fromJson(old).ablations()).isEmpty();
	}

	private ComponentSpec spec(String name) {
		return this.topology.find(name).orElseThrow();
	}

}
