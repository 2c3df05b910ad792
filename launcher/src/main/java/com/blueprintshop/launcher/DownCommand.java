package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", mixinStandardHelpOptions = true,
		description = "Stop everything this installation runs, in reverse start order, and check "
		+ "that its ports are free. Keeps data, logs, secrets and certificates.")
final class DownCommand implements Callable<Integer> {

	@ParentCommand
	private Blueprint blueprint;

	@Override
	public Integer call() {
		Settings settings = this.blueprint.settings();
		PrintStream out = this.blueprint.out();
		BlueprintHome home = settings.home();
		if (!java.nio.file.Files.isDirectory(home.root())) {
			out.println("Blueprint Shop is not running in " + home + "; nothing to stop.");
			return 0;
		}
		try (RunLock lock = RunLock.acquire(home.lockFile())) {
			StateStore store = new StateStore(home.stateFile());
			Optional<RunState> found = store.read();
			if (found.isEmpty() || found.get().components().stream().allMatch(ComponentState::external)) {
				store.delete();
				out.println("Blueprint Shop is not running in " + home + "; nothing to stop.");
				return 0;
			}
			store.write(found.get());
			out.println("Stopping Blueprint Shop in " + home);
			Shutdown.Result result = Shutdown.stopAll(store, settings.stopTimeout(), out);
			if (result.survivors().isEmpty()) {
				store.delete();
			}
			out.println();
			StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "Stopped %d components in %.1f s",
					result.stopped(), result.took().toMillis() / 1000.0));
			if (result.alreadyGone() > 0) {
				summary.append(" (").append(result.alreadyGone()).append(" had already exited)");
			}
			summary.append(result.busyPorts().isEmpty() ? "; all their ports are free."
					: "; ports still in use: " + result.busyPorts() + ".");
			out.println(summary);
			if (!result.survivors().isEmpty()) {
				out.println("Could not stop: " + String.join(", ", result.survivors())
						+ ". They stay in " + home.stateFile() + "; run ./blueprint down again.");
			}
			return result.clean() ? 0 : 1;
		}
		catch (RunLock.Busy busy) {
			this.blueprint.err().println(busy.getMessage());
			return 2;
		}
	}

}
