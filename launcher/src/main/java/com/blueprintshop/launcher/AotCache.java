package com.blueprintshop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ahead-of-time cache the build trains for an application (see the root pom's
 * exec-maven-plugin): {@code target/aot/} holds the extracted jar and {@code app.aot}. Starting
 * from it loads pre-parsed, pre-linked classes and recorded method profiles instead of doing that
 * work again in every JVM, which on two shared cores is most of a Spring application's start.
 * A cache older than its jar is ignored: the JVM would reject it anyway, after wasting the time.
 */
record AotCache(Path extractedJar, Path cache) {

	static Optional<AotCache> of(Path jar) {
		Path directory = jar.resolveSibling("aot");
		AotCache candidate = new AotCache(directory.resolve(jar.getFileName()), directory.resolve("app.aot"));
		return candidate.isFreshFor(jar) ? Optional.of(candidate) : Optional.empty();
	}

	boolean isFreshFor(Path jar) {
		try {
			return Files.isRegularFile(this.cache) && Files.isRegularFile(this.extractedJar)
					&& !Files.getLastModifiedTime(this.cache).toInstant()
						.isBefore(Files.getLastModifiedTime(jar).toInstant());
		}
		catch (IOException ex) {
			return false;
		}
	}

	List<String> launchArguments() {
		return List.of("-XX:AOTCache=" + this.cache, "-jar", this.extractedJar.toString());
	}

}
