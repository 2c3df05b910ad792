package com.blueprintshop.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StateStoreTests {

	@TempDir
	Path directory;

	@Test
	void roundTripsARunThroughJson() {
		BlueprintHome home = new BlueprintHome(this.directory);
		ComponentSpec catalog = Topology.of(2).find("catalog").orElseThrow();
		ComponentSpec redis = Topology.of(2).find("redis").orElseThrow();
		RunState state = RunState.begin(home, Instant.parse("2026-11-25T10:00:00.123456789Z"))
			.withEndpoints((e) -> e.withPostgres("127.0.0.1", 15432).withRedis("redis://127.0.0.1:6379").withDiscovery(8761))
			.with(ComponentState.external(redis, List.of(6379), "redis://127.0.0.1:6379"))
			.with(ComponentState.planned(catalog, List.of(41234), "http://127.0.0.1:41234/", "port 9002 was taken; using 41234")
				.started(4242, Instant.parse("2026-11-25T10:00:01.5Z"))
				.ready(7.3));

		RunState read = StateStore.fromJson(StateStore.toJson(state));

		assertThat(read).isEqualTo(state);
		ComponentState service = read.component("catalog").orElseThrow();
		assertThat(service.pid()).isEqualTo(4242L);
		assertThat(service.processStart()).isEqualTo(Instant.parse("2026-11-25T10:00:01.5Z"));
		assertThat(service.spec().database()).contains("bp_catalog");
		assertThat(read.component("redis").orElseThrow().pid()).isNull();
		assertThat(read.endpoints().eurekaUrl()).isEqualTo("http://127.0.0.1:8761/eureka/");
	}

	@Test
	void aRefreshedStoreUpdatesWhatAnotherCommandWroteNotItsOwnOlderCopy() {
		Path file = this.directory.resolve("run/state.json");
		ComponentSpec catalog = Topology.of(2).find("catalog").orElseThrow();
		StateStore load = new StateStore(file);
		load.write(RunState.begin(new BlueprintHome(this.directory), Instant.now())
			.with(ComponentState.planned(catalog, List.of(9002), "http://127.0.0.1:9002/", "")));
		// a restart, through a store of its own, replaces catalog by an instance on another port
		StateStore restart = new StateStore(file);
		restart.update((state) -> state.without("catalog")
			.with(ComponentState.planned(catalog, List.of(41234), "http://127.0.0.1:41234/", "")));

		load.update((state) -> state.without(java.util.EnumSet.of(Tactic.NEAR_CACHE)));
		assertThat(load.read().orElseThrow().component("catalog").orElseThrow().port())
			.as("the stale copy wrote the replaced instance back").isEqualTo(9002);

		restart.update((state) -> state.without("catalog")
			.with(ComponentState.planned(catalog, List.of(41234), "http://127.0.0.1:41234/", "")));
		load.refresh();
		load.update((state) -> state.without(java.util.EnumSet.noneOf(Tactic.class)));
		assertThat(load.read().orElseThrow().component("catalog").orElseThrow().port()).isEqualTo(41234);
	}

	@Test
	void writesAtomicallyAndDeletes() {
		Path file = this.directory.resolve("run/state.json");
		StateStore store = new StateStore(file);
		store.write(RunState.begin(new BlueprintHome(this.directory), Instant.now()));
		store.update((state) -> state.withEndpoints((e) -> e.withKafka("127.0.0.1:19092")));

		assertThat(new StateStore(file).read()).get()
			.extracting((state) -> state.endpoints().kafkaBootstrap())
			.isEqualTo("127.0.0.1:19092");
		assertThat(file.resolveSibling("state.json.tmp")).doesNotExist();

		store.delete();
		assertThat(Files.exists(file)).isFalse();
		assertThat(new StateStore(file).read()).isEmpty();
	}

	@Test
	void listsComponentsInStartOrderAndStopsTheLatestStagesFirst() {
		Topology topology = Topology.of(2);
		RunState state = RunState.begin(new BlueprintHome(this.directory), Instant.now());
		for (String name : List.of("redis", "postgres", "discovery", "catalog", "identity", "gateway", "storefront-1",
				"storefront-2", "edge")) {
			ComponentSpec spec = topology.find(name).orElseThrow();
			state = state.with(ComponentState.planned(spec, spec.preferredPorts(), "", ""));
		}

		assertThat(state.inStartOrder()).extracting(ComponentState::name)
			.containsExactly("postgres", "redis", "discovery", "identity", "catalog", "gateway", "storefront-1",
					"storefront-2", "edge");
		assertThat(state.inStopOrder()).extracting(ComponentState::name)
			.containsExactly("edge", "storefront-2", "storefront-1", "gateway", "identity", "catalog", "discovery",
					"redis", "postgres");
	}

}
