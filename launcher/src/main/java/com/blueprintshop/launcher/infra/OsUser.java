package com.blueprintshop.launcher.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A local user account, as far as running a process under it needs. */
public record OsUser(String name, int uid, int gid) {

	/** The prefix that runs a command as this user: real and effective ids, no supplementary groups. */
	public List<String> setpriv() {
		return List.of("setpriv", "--reuid=" + this.uid, "--regid=" + this.gid, "--clear-groups", "--");
	}

	public static boolean currentIsRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	public static Optional<OsUser> lookup(String name) {
		try {
			return Files.readAllLines(Path.of("/etc/passwd"))
				.stream()
				.map((line) -> line.split(":"))
				.filter((fields) -> fields.length >= 4 && fields[0].equals(name))
				.findFirst()
				.map((fields) -> new OsUser(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read /etc/passwd", ex);
		}
	}

}
