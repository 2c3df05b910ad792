package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory that holds all state of one local installation. Every process the launcher
 * starts carries this path on its command line, so leftovers can be found by it.
 */
public record BlueprintHome(Path root) {

	public BlueprintHome {
		root = root.toAbsolutePath().normalize();
	}

	/** Where {@code ./blueprint load} keeps its reports, a folder per run. */
	public Path load() {
		return this.root.resolve("load");
	}

	public Path logs() {
		return this.root.resolve("logs");
	}

	public Path log(String component) {
		return logs().resolve(component + ".log");
	}

	public Path run() {
		return this.root.resolve("run");
	}

	public Path stateFile() {
		return run().resolve("state.json");
	}

	public Path lockFile() {
		return run().resolve("launcher.lock");
	}

	public Path postgres() {
		return this.root.resolve("postgres");
	}

	public Path redis() {
		return this.root.resolve("redis");
	}

	public Path kafka() {
		return this.root.resolve("kafka");
	}

	public Path mail() {
		return this.root.resolve("mail");
	}

	public Path edge() {
		return this.root.resolve("edge");
	}

	public Path secretsFile() {
		return this.root.resolve("secrets.properties");
	}

	public BlueprintHome createDirectories() {
		try {
			Files.createDirectories(logs());
			Files.createDirectories(run());
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + this.root, ex);
		}
	}

	@Override
	public String toString() {
		return this.root.toString();
	}

}
