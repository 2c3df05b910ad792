package com.blueprintshop.launcher;

import java.nio.file.Path;

/** A component could not be started or did not become ready; {@code log} is where to look. */
final class LaunchFailed extends RuntimeException {

	private final String component;

	private final transient Path log;

	LaunchFailed(String component, String reason, Path log) {
		super(reason);
		this.component = component;
		this.log = log;
	}

	String component() {
		return this.component;
	}

	Path log() {
		return this.log;
	}

}
