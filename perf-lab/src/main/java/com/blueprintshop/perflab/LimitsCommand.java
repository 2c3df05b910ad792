package com.blueprintshop.perflab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.blueprintshop.perflab.limits.LimitsProbe;
import com.blueprintshop.perflab.model.Limits;
import com.blueprintshop.perflab.shop.RunningSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "limits",
		description = "The machine's ceilings: nginx serving a 2 KB file, a PostgreSQL primary-key select, a Redis GET.")
final class LimitsCommand implements Callable<Integer> {

	@Option(names = "--home", required = true, description = "the system's BLUEPRINT_HOME")
	Path home;

	@Option(names = "--out", description = "folder for limits.json (default <home>/load/<timestamp>-limits)")
	Path out;

	private final PrintStream console;

	LimitsCommand(PrintStream console) {
		this.console = console;
	}

	@Override
	public Integer call() {
		RunningSystem system = RunningSystem.of(this.home);
		Limits limits = new LimitsProbe(system, this.console).measure();
		Path outDirectory = Reporting.outDirectory(this.home, this.out, "limits", null);
		Path file = outDirectory.resolve("limits.json");
		try {
			Files.createDirectories(outDirectory);
			Files.writeString(file, JsonMapper.builder()
				.enable(SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(limits));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
		Summary.limits(this.console, limits);
		this.console.println();
		this.console.println("Limits: " + file);
		return 0;
	}

}
