package com.blueprintshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTests {

	@TempDir
	Path target;

	@Test
	void startsFromTheExtractedJarWithTheCacheWhenTheCacheIsNewerThanTheJar() throws IOException {
		Path jar = file("catalog-exec.jar", Instant.parse("2026-01-01T10:00:00Z"));
		file("aot/catalog-exec.jar", Instant.parse("2026-01-01T10:00:01Z"));
		Path cache = file("aot/app.aot", Instant.parse("2026-01-01T10:00:05Z"));

		assertThat(AotCache.of(jar)).hasValueSatisfying((aot) -> assertThat(aot.launchArguments()).containsExactly(
				"-XX:AOTCache=" + cache, "-jar", this.target.resolve("aot/catalog-exec.jar").toString()));
	}

	@Test
	void ignoresACacheOlderThanTheJar() throws IOException {
		file("aot/catalog-exec.jar", Instant.parse("2026-01-01T10:00:01Z"));
		file("aot/app.aot", Instant.parse("2026-01-01T10:00:05Z"));
		Path rebuilt = file("catalog-exec.jar", Instant.parse("2026-01-02T09:00:00Z"));

		assertThat(AotCache.of(rebuilt)).isEmpty();
	}

	@Test
	void ignoresAMissingCache() throws IOException {
		Path jar = file("catalog-exec.jar", Instant.parse("2026-01-01T10:00:00Z"));
		assertThat(AotCache.of(jar)).isEmpty();
	}

	@Test
	void appsRunWithTheOptionsTheirCacheWasTrainedWith() throws IOException {
		String pom = Files.readString(Path.of("..", "pom.xml"));
		Matcher options = Pattern.compile("<app.jvm.options>(.*)</app.jvm.options>").matcher(pom);
		assertThat(options.find()).isTrue();
		assertThat(Settings.DEFAULT_APP_JVM_OPTIONS).containsExactly(options.group(1).trim().split("\\s+"));
	}

	private Path file(String name, Instant modified) throws IOException {
		Path path = this.target.resolve(name);
		Files.createDirectories(path.getParent());
		Files.writeString(path, name);
		Files.setLastModifiedTime(path, FileTime.from(modified));
		return path;
	}

}
