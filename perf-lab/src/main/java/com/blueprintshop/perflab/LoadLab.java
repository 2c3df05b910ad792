package com.blueprintshop.perflab;

import java.io.PrintStream;
import java.io.PrintWriter;

import com.blueprintshop.perflab.shop.SystemNotRunningException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./blueprint load}: shopper journeys applied to the running system as an open workload,
 * the saturation of every process measured while they run, the machine's ceilings, closed-model
 * sweeps fitted to Amdahl's law and the USL, and reports compared.
 *
 * <p>Exit codes: 0 the run completed (with or without failed requests: the report says them),
 * 1 the run could not be done (no system, a component that does not answer, no report written),
 * 2 options that make no run, 3 more failed requests than {@code --max-errors} allows.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = "Load the running Blueprint Shop and measure what saturates first.")
public final class LoadLab implements Runnable {

	static final int COMPLETED = 0;

	static final int NOT_DONE = 1;

	static final int BAD_OPTIONS = 2;

	static final int TOO_MANY_ERRORS = 3;

	private final PrintStream err;

	private LoadLab(PrintStream err) {
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(execute(args, System.out, System.err));
	}

	static int execute(String[] args, PrintStream out, PrintStream err) {
		CommandLine command = new CommandLine(new LoadLab(err))
			.addSubcommand("run", new RunCommand(out))
			.addSubcommand("limits", new LimitsCommand(out))
			.addSubcommand("sweep", new SweepCommand(out))
			.addSubcommand("compare", new CompareCommand(out));
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		command.setParameterExceptionHandler((ex, arguments) -> {
			err.println("load: " + ex.getMessage());
			ex.getCommandLine().usage(err);
			return BAD_OPTIONS;
		});
		command.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
			if (ex instanceof UsageException) {
				err.println("load: " + ex.getMessage());
				return BAD_OPTIONS;
			}
			if (ex instanceof TooManyErrorsException) {
				err.println("load: " + ex.getMessage());
				return TOO_MANY_ERRORS;
			}
			if (ex instanceof SystemNotRunningException || ex instanceof Reporting.ReportNotWrittenException
					|| ex instanceof IllegalStateException) {
				err.println("load: " + ex.getMessage());
				return NOT_DONE;
			}
			err.println("load: the run failed: " + ex);
			ex.printStackTrace(err);
			return NOT_DONE;
		});
		return command.execute(args);
	}

	@Override
	public void run() {
		this.err.println("load: say what to do: run, limits, sweep or compare (load --help)");
		throw new UsageException("no subcommand");
	}

}
