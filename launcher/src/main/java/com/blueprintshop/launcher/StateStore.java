package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.UnaryOperator;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code run/state.json}. Every write replaces the file atomically, so a reader
 * (another {@code ./blueprint} command, a test) never sees half a file, and a launcher killed
 * mid-start leaves a state that {@code down} can still act on.
 */
public final class StateStore {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Path file;

	private RunState current;

	public StateStore(Path file) {
		this.file = file;
	}

	public Optional<RunState> read() {
		if (!Files.isRegularFile(this.file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(this.file), RunState.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.file, ex);
		}
	}

	/** Starts tracking {@code state} and writes it. */
	public synchronized RunState write(RunState state) {
		this.current = state;
		persist(state);
		return state;
	}

	/** Applies {@code change} to the tracked state and writes the result; safe from parallel start-up tasks. */
	public synchronized RunState update(UnaryOperator<RunState> change) {
		if (this.current == null) {
			this.current = read().orElseThrow(() -> new IllegalStateException("no run state in " + this.file));
		}
		return write(change.apply(this.current));
	}

	/**
	 * Tracks what the file says now. Another command (a restart) may have written it since this
	 * store last did; updating from the older copy would write its dead components back.
	 */
	public synchronized RunState refresh() {
		this.current = read().orElseThrow(() -> new IllegalStateException("no run state in " + this.file));
		return this.current;
	}

	public synchronized RunState current() {
		return this.current;
	}

	public synchronized void delete() {
		this.current = null;
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + this.file, ex);
		}
	}

	static String toJson(RunState state) {
		return JSON.writeValueAsString(state);
	}

	static RunState fromJson(String json) {
		return JSON.readValue(json, RunState.class);
	}

	private void persist(RunState state) {
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.deleteIfExists(temporary);
			// an external Redis URL in the endpoints may carry a password
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, toJson(state));
			try {
				Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.file, ex);
		}
	}

}
