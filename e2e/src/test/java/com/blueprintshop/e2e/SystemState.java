package com.blueprintshop.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** What {@code run/state.json} says about each component of a run. */
record SystemState(Map<String, JsonNode> components) {

	static SystemState read(Blueprint blueprint) throws IOException {
		Map<String, JsonNode> components = new LinkedHashMap<>();
		blueprint.state().path("components").forEach(c -> components.put(c.path("name").asString(), c));
		return new SystemState(components);
	}

	List<String> names() {
		return List.copyOf(this.components.keySet());
	}

	JsonNode component(String name) {
		JsonNode component = this.components.get(name);
		if (component == null) {
			throw new IllegalArgumentException("no component " + name + " in " + names());
		}
		return component;
	}

	long pid(String name) {
		return component(name).path("pid").asLong();
	}

	int port(String name) {
		return component(name).path("ports").get(0).asInt();
	}

	boolean external(String name) {
		return component(name).path("external").asBoolean();
	}

	/** Every port any component of this run listened on, external infrastructure excepted. */
	List<Integer> ports() {
		List<Integer> ports = new ArrayList<>();
		this.components.values()
			.stream()
			.filter(c -> !c.path("external").asBoolean())
			.forEach(c -> c.path("ports").forEach(p -> ports.add(p.asInt())));
		return ports;
	}

	/** The processes of this run and all their children (PostgreSQL backends, nginx workers). */
	List<ProcessHandle> processesWithDescendants() {
		return this.components.values()
			.stream()
			.filter(c -> c.hasNonNull("pid") && !c.path("external").asBoolean())
			.flatMap(c -> ProcessHandle.of(c.path("pid").asLong()).stream())
			.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
			.toList();
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
