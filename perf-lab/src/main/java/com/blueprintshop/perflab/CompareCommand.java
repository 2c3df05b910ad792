package com.blueprintshop.perflab;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.blueprintshop.perflab.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", description = "What changed from one run's report to another's.")
final class CompareCommand implements Callable<Integer> {

	@Option(names = "--home",
			description = "the system's BLUEPRINT_HOME: a report named only by its folder is looked up in <home>/load")
	Path home;

	@Parameters(index = "0", description = "the earlier report.json (or its folder)")
	Path before;

	@Parameters(index = "1", description = "the later report.json (or its folder)")
	Path after;

	private final PrintStream console;

	CompareCommand(PrintStream console) {
		this.console = console;
	}

	@Override
	public Integer call() {
		this.console.print(Reports.compare(Reports.read(report(this.home, this.before)),
				Reports.read(report(this.home, this.after))));
		return 0;
	}

	static Path report(Path home, Path given) {
		Path found = (!Files.exists(given) && home != null && !given.isAbsolute())
				? home.resolve("load").resolve(given) : given;
		Path file = Files.isDirectory(found) ? found.resolve("report.json") : found;
		if (!Files.isRegularFile(file)) {
			throw new UsageException("no report at " + file);
		}
		return file;
	}

}
