package com.blueprintshop.launcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One run of {@code up}: its infrastructure endpoints, its components in start order, and the
 * tactics it runs without ({@code up --without}, by their ids), which a restarted component keeps.
 */
public record RunState(String home, Instant startedAt, Endpoints endpoints, List<ComponentState> components,
		List<String> without) {

	public RunState {
		components = (components != null) ? List.copyOf(components) : List.of();
		endpoints = (endpoints != null) ? endpoints : Endpoints.none();
		without = (without != null) ? List.copyOf(without) : List.of();
	}

	public static RunState begin(BlueprintHome home, Instant now) {
		return new RunState(home.toString(), now, Endpoints.none(), List.of(), List.of());
	}

	/** The same run switched to running without exactly these tactics. */
	RunState without(java.util.Collection<Tactic> tactics) {
		return new RunState(this.home, this.startedAt, this.endpoints, this.components,
				tactics.stream().map(Tactic::id).sorted().toList());
	}

	java.util.Set<Tactic> ablations() {
		return this.without.stream().map(Tactic::of).collect(java.util.stream.Collectors.toCollection(
				() -> java.util.EnumSet.noneOf(Tactic.class)));
	}

	public Optional<ComponentState> component(String name) {
		return this.components.stream().filter((c) -> c.name().equals(name)).findFirst();
	}

	/** Adds the component, or replaces the one of the same name where it stands. */
	public RunState with(ComponentState component) {
		List<ComponentState> updated = new ArrayList<>(this.components);
		int index = indexOf(component.name());
		if (index >= 0) {
			updated.set(index, component);
		}
		else {
			updated.add(component);
		}
		return new RunState(this.home, this.startedAt, this.endpoints, updated, this.without);
	}

	public RunState without(String name) {
		return new RunState(this.home, this.startedAt, this.endpoints,
				this.components.stream().filter((c) -> !c.name().equals(name)).toList(), this.without);
	}

	public RunState withEndpoints(UnaryOperator<Endpoints> change) {
		return new RunState(this.home, this.startedAt, change.apply(this.endpoints), this.components, this.without);
	}

	/** Components in start order: by stage, services and instances in topology order. */
	public List<ComponentState> inStartOrder() {
		return this.components.stream()
			.sorted(Comparator.comparingInt((ComponentState c) -> c.kind().stage())
				.thenComparingInt((c) -> Topology.SERVICES.indexOf(c.app()))
				.thenComparing(ComponentState::name))
			.toList();
	}

	/** Components in the order they are stopped: highest stage first, the latest started first. */
	public List<ComponentState> inStopOrder() {
		List<ComponentState> ordered = new ArrayList<>(this.components);
		java.util.Collections.reverse(ordered);
		ordered.sort(Comparator.comparingInt((ComponentState c) -> c.kind().stage()).reversed());
		return ordered;
	}

	private int indexOf(String name) {
		for (int i = 0; i < this.components.size(); i++) {
			if (this.components.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

}
