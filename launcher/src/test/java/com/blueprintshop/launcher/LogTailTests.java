package com.blueprintshop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTests {

	@TempDir
	Path directory;

	@Test
	void returnsTheLastLinesOfALogLargerThanOneChunk() throws IOException {
		Path log = this.directory.resolve("catalog.log");
		Files.write(log, IntStream.rangeClosed(1, 5000).mapToObj((i) -> "line " + i).toList());

		assertThat(LogTail.lastLines(log, 3)).containsExactly("line 4998", "line 4999", "line 5000");
		assertThat(LogTail.lastLines(log, 40)).hasSize(40).first().isEqualTo("line 4961");
	}

	@Test
	void handlesAShortLogWithoutFinalNewline() throws IOException {
		Path log = this.directory.resolve("redis.log");
		Files.writeString(log, "first\nsecond");

		assertThat(LogTail.lastLines(log, 100)).containsExactly("first", "second");
		assertThat(LogTail.lastLines(log, 1)).containsExactly("second");
	}

	@Test
	void returnsNothingForAnEmptyLog() throws IOException {
		Path log = this.directory.resolve("empty.log");
		Files.writeString(log, "");
		assertThat(LogTail.lastLines(log, 10)).isEqualTo(List.of());
	}

}
