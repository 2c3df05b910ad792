package com.blueprintshop.perflab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import com.blueprintshop.perflab.model.LoadRun;

/**
 * Writes a run's report (report.json and report.html), reads it back, and compares two runs.
 * <p>
 * {@code report.json} is the records as they are, pretty-printed, instants in ISO-8601; an infinite
 * figure (Amdahl's ceiling when no contention was measured) is written as the string
 * {@code "Infinity"}, which JSON has no number for. {@code report.html} is one self-contained page:
 * see {@link #html(LoadRun)}.
 */
public final class Reports {

	public static final String JSON_FILE = "report.json";

	public static final String HTML_FILE = "report.html";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		// a report written by a later version, with more in it, still reads
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Reports() {
	}

	/** Writes {@code report.json} and {@code report.html} into {@code directory} (created if missing). */
	public static void write(LoadRun run, Path directory) {
		Objects.requireNonNull(run, "run");
		String json = json(run);
		String html = html(run);
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(JSON_FILE), json, StandardCharsets.UTF_8);
			Files.writeString(directory.resolve(HTML_FILE), html, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the report into " + directory, ex);
		}
	}

	/**
	 * Reads a {@code report.json} written by {@link #write} (given the file, or the folder it is in).
	 * @throws IllegalArgumentException if the file is not such a report
	 */
	public static LoadRun read(Path reportJson) {
		Path file = Files.isDirectory(reportJson) ? reportJson.resolve(JSON_FILE) : reportJson;
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the report " + file, ex);
		}
		try {
			return fromJson(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
		}
	}

	/** A plain-text table of what changed from {@code before} to {@code after}, per request type and overall. */
	public static String compare(LoadRun before, LoadRun after) {
		return Comparison.of(before, after);
	}

	/** The run as {@code report.json} holds it. */
	public static String json(LoadRun run) {
		return JSON.writeValueAsString(run);
	}

	/**
	 * The inverse of {@link #json(LoadRun)}.
	 * @throws IllegalArgumentException if the text is not a report
	 */
	public static LoadRun fromJson(String json) {
		try {
			LoadRun run = JSON.readValue(json, LoadRun.class);
			if (run == null) {
				throw new IllegalArgumentException("Not a load report: the JSON is empty");
			}
			return run;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not a load report: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The run as {@code report.html}: one page with no external asset and no script. Sections, each
	 * under its heading: Run (meta, with the load generator's CPU share first), Summary, Latency over
	 * time, Throughput over time, Error rate over time, Latency distribution, CPU per process, Memory
	 * (RSS) per process, GC pauses per JVM, Database pool per service, Kafka consumer lag per service,
	 * Saturation, Limits of the machine, Sweep and scalability. What the run did not measure is said to
	 * be "not measured in this run" rather than drawn empty.
	 */
	public static String html(LoadRun run) {
		Objects.requireNonNull(run, "run");
		return HtmlReport.render(run);
	}

}
