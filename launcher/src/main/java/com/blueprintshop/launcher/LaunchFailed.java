package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

	/** The end of the component's log, which usually says why it failed. */
	void printLogTail(PrintStream err) {
		if (this.log == null || !Files.isRegularFile(this.log)) {
			return;
		}
		try {
			List<String> lines = LogTail.lastLines(this.log, 40);
			err.println("--- last " + lines.size() + " lines of " + this.log + " ---");
			lines.forEach(err::println);
			err.println("---");
		}
		catch (IOException ex) {
			err.println("(no log at " + this.log + ")");
		}
	}

}
