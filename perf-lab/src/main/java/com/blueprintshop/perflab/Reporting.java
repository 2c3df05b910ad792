package com.blueprintshop.perflab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.blueprintshop.perflab.engine.Recorder;
import com.blueprintshop.perflab.journey.Profile;
import com.blueprintshop.perflab.measure.Measurements;
import com.blueprintshop.perflab.model.Injection;
import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.model.LoadRun;
import com.blueprintshop.perflab.model.Machine;
import com.blueprintshop.perflab.model.Meta;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.Saturation;
import com.blueprintshop.perflab.model.Sweep;
import com.blueprintshop.perflab.model.TimelinePoint;
import com.blueprintshop.perflab.report.Reports;
import com.blueprintshop.perflab.report.SaturationAnalysis;
import com.blueprintshop.perflab.sample.MachineFacts;
import tools.jackson.databind.json.JsonMapper;

/** A run's measurements as the report's {@link LoadRun}, written, and summed up on the console. */
final class Reporting {

	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private Reporting() {
	}

	/** {@code <home>/load/<UTC timestamp>-<profile>[-<label>]} unless {@code --out} names one. */
	static Path outDirectory(Path home, Path out, String profile, String label) {
		if (out != null) {
			return out;
		}
		String name = FOLDER.format(Instant.now()) + "-" + profile
				+ ((label != null && !label.isBlank()) ? "-" + label.strip().replaceAll("[^A-Za-z0-9._-]", "_") : "");
		return home.resolve("load").resolve(name);
	}

	/**
	 * @param fromT the measured window's start, seconds since the load's start
	 * @param toT its end
	 * @param notes findings of this lab's own (what was not sampled, cross-checks) added to the analysis'
	 */
	static LoadRun assemble(Lab.Measured measured, Path outDirectory, Profile profile, String target,
			Injection injection, double loadSeconds, double fromT, double toT, Limits limits, Sweep sweep,
			List<String> notes, Map<String, String> ablations) {
		Recorder recorder = measured.recorder();
		long start = recorder.runStartMillis();
		List<Recorder.Sample> samples = recorder.samples();
		List<RequestStats> requests = Measurements.requests(samples, start + Math.round(fromT * 1000),
				start + Math.round(toT * 1000), toT - fromT);
		long lastEnd = samples.stream().mapToLong(Recorder.Sample::endMillis).max().orElse(start);
		int seconds = (int) Math.max(Math.ceil(loadSeconds), Math.ceil((lastEnd - start) / 1000.0));
		List<TimelinePoint> timeline = Measurements.timeline(samples, start, seconds, measured::usersAt);
		Machine machine = MachineFacts.now();
		String mix = (profile == Profile.MIX) ? " (" + Profile.describeMix() + ")" : "";
		Meta meta = new Meta(outDirectory.getFileName().toString(), profile.label(), Instant.ofEpochMilli(start),
				loadSeconds, fromT, target, injection, machine,
				measured.cpu().loadGeneratorShare(fromT, toT), ablations);
		Saturation saturation;
		try {
			saturation = SaturationAnalysis.of(machine.cores(), fromT, toT, measured.processes(), measured.metrics());
		}
		catch (RuntimeException ex) {
			saturation = new Saturation("unknown", List.of("The saturation analysis failed: " + ex.getMessage()));
		}
		List<String> findings = new ArrayList<>(saturation.findings());
		if (!mix.isEmpty()) {
			findings.add("Journey mix" + mix + ", drawn per arriving user.");
		}
		double busy = measured.cpu().machineBusy(fromT, toT);
		if (!Double.isNaN(busy)) {
			findings.add(String.format(Locale.ROOT,
					"The whole machine was %.0f %% busy in the measured window; the load generator used %.0f %% of it"
							+ " and the system's processes %.1f CPU-seconds.",
					busy * 100, meta.loadGeneratorCpuShare() * 100, measured.cpu().systemCpuSeconds(fromT, toT)));
		}
		findings.addAll(notes);
		com.blueprintshop.perflab.model.Caching caching = (measured.caches() != null && !requests.isEmpty())
				? measured.caches().between(requests.getFirst().count()) : null;
		return new LoadRun(meta, requests, timeline, measured.processes(), measured.metrics(),
				new Saturation(saturation.first(), findings), limits, sweep, Measurements.histogram(samples,
						start + Math.round(fromT * 1000), start + Math.round(toT * 1000)), caching);
	}

	/** Writes the report; if the writer fails, the measurements are kept as plain JSON and the run fails. */
	static void write(LoadRun run, Path outDirectory, PrintStream out) {
		try {
			Reports.write(run, outDirectory);
		}
		catch (RuntimeException ex) {
			Path fallback = outDirectory.resolve("report-unformatted.json");
			try {
				Files.createDirectories(outDirectory);
				Files.writeString(fallback, JsonMapper.builder().build().writeValueAsString(run));
			}
			catch (IOException | RuntimeException io) {
				ex.addSuppressed(io);
			}
			throw new ReportNotWrittenException("The report could not be written (" + ex.getMessage()
					+ "); the measurements are in " + fallback, ex);
		}
	}

	static void paths(PrintStream out, Path outDirectory, Path gatlingReport) {
		out.println();
		out.println("Report:         " + outDirectory.resolve("report.html"));
		out.println("                " + outDirectory.resolve("report.json"));
		out.println("Gatling report: " + gatlingReport.resolve("index.html"));
	}

	/** The report was not written: exit code 1. */
	static final class ReportNotWrittenException extends RuntimeException {

		ReportNotWrittenException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
