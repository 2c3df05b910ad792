package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "logs", mixinStandardHelpOptions = true,
		description = "Print the end of a component's log (stdout and stderr), or follow it.")
final class LogsCommand implements Callable<Integer> {

	/** nginx writes these itself, next to the edge's own output. */
	private static final List<String> EXTRA_LOGS = List.of("edge-error", "edge-access");

	@ParentCommand
	private Blueprint blueprint;

	@Parameters(index = "0", paramLabel = "COMPONENT", description = "e.g. postgres, kafka, catalog, storefront-1, edge")
	private String component;

	@Option(names = { "-f", "--follow" }, description = "Keep printing what is appended (Ctrl-C to stop).")
	private boolean follow;

	@Option(names = { "-n", "--lines" }, defaultValue = "100", paramLabel = "N",
			description = "How many lines from the end (default: ${DEFAULT-VALUE}).")
	private int lines;

	@Override
	public Integer call() throws IOException, InterruptedException {
		Settings settings = this.blueprint.settings();
		PrintStream out = this.blueprint.out();
		Set<String> known = knownComponents(settings);
		if (!known.contains(this.component)) {
			this.blueprint.err().println("Unknown component '" + this.component + "'. Known: " + String.join(", ", known));
			return 2;
		}
		Path log = settings.home().log(this.component);
		if (this.follow) {
			return new ProcessBuilder("tail", "-n", Integer.toString(this.lines), "-F", log.toString()).inheritIO()
				.start()
				.waitFor();
		}
		if (!Files.isRegularFile(log)) {
			this.blueprint.err().println("No log for " + this.component + " yet (" + log + ").");
			return 1;
		}
		LogTail.lastLines(log, this.lines).forEach(out::println);
		return 0;
	}

	static Set<String> knownComponents(Settings settings) {
		Set<String> known = new LinkedHashSet<>(Topology.of(settings.storefrontInstances()).names());
		new StateStore(settings.home().stateFile()).read()
			.ifPresent((state) -> state.components().forEach((c) -> known.add(c.name())));
		known.addAll(EXTRA_LOGS);
		return known;
	}

}
