package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so a large log costs no more than a small one. */
final class LogTail {

	private static final int CHUNK = 8192;

	private LogTail() {
	}

	static List<String> lastLines(Path file, int count) throws IOException {
		if (count <= 0) {
			return List.of();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long end = in.length();
			long start = end;
			int newlines = 0;
			byte[] buffer = new byte[CHUNK];
			// one more newline than lines wanted: the file usually ends with one
			while (start > 0 && newlines <= count) {
				int length = (int) Math.min(CHUNK, start);
				start -= length;
				in.seek(start);
				in.readFully(buffer, 0, length);
				for (int i = length - 1; i >= 0; i--) {
					if (buffer[i] == '\n' && ++newlines > count) {
						start += i + 1;
						break;
					}
				}
			}
			byte[] tail = new byte[(int) (end - start)];
			in.seek(start);
			in.readFully(tail);
			List<String> lines = new ArrayList<>(Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\n", -1)));
			if (!lines.isEmpty() && lines.getLast().isEmpty()) {
				lines.removeLast();
			}
			return lines.subList(Math.max(0, lines.size() - count), lines.size());
		}
	}

}
