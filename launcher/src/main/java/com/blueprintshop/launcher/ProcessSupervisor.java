package com.blueprintshop.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts components as detached processes and stops them by PID. A recorded PID is only signalled
 * after checking that the process it names started when the recorded one did; a PID the kernel has
 * handed to some other process since is left alone.
 */
public final class ProcessSupervisor {

	/** PIDs are compared with their start instants; two readings can differ by the kernel's clock rounding. */
	private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private ProcessSupervisor() {
	}

	public enum Signal {

		TERM, INT, QUIT, HUP, KILL, STOP, CONT

	}

	public record Launched(Process process, long pid, Instant start) {

	}

	public enum Outcome {

		/** It was gone already (or its PID now names another process). */
		NOT_RUNNING,
		/** It exited after the graceful signal. */
		STOPPED,
		/** It ignored the graceful signal until the deadline and was killed. */
		KILLED,
		/** Some of it still runs even after SIGKILL. */
		SURVIVED

	}

	/**
	 * Starts {@code command} in a session of its own (so it outlives this launcher and a Ctrl-C in the
	 * terminal does not reach it), stdin from /dev/null, stdout and stderr appended to {@code log}.
	 */
	public static Launched startDetached(List<String> command, Map<String, String> environment, Path workingDirectory,
			Path log) {
		List<String> detached = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			// the child of a JVM is never a process-group leader, so setsid execs in place and the PID is kept
			detached.add(SETSID.toString());
		}
		detached.addAll(command);
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, "%n=== %s ./blueprint starts: %s%n".formatted(Instant.now(), String.join(" ", command)),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(detached).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(environment);
			Process process = builder.start();
			Instant start = process.info().startInstant().orElseGet(Instant::now);
			return new Launched(process, process.pid(), start);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command.getFirst(), ex);
		}
	}

	/** Runs {@code command} to completion within {@code timeout}, output appended to {@code log}. */
	public static int runToCompletion(List<String> command, Map<String, String> environment, Path log,
			Duration timeout) {
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, "%n=== %s ./blueprint runs: %s%n".formatted(Instant.now(), String.join(" ", command)),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(environment);
			Process process = builder.start();
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s; see " + log);
				}
				return process.exitValue();
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while running " + command.getFirst(), ex);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command.getFirst(), ex);
		}
	}

	/** The process, if {@code pid} still names the one that started at {@code start} and it has not exited. */
	public static Optional<ProcessHandle> running(Long pid, Instant start) {
		if (pid == null || start == null) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessSupervisor::alive)
			.filter((handle) -> handle.info()
				.startInstant()
				.map((actual) -> Duration.between(actual, start).abs().compareTo(START_TOLERANCE) <= 0)
				.orElse(false));
	}

	public static boolean isRunning(ComponentState component) {
		return component.hasProcess() && running(component.pid(), component.processStart()).isPresent();
	}

	/**
	 * Sends {@code graceful} to the process, waits up to {@code timeout} for it and every process
	 * it had started to exit, then kills what is left.
	 */
	public static Outcome stop(String name, Long pid, Instant start, Signal graceful, Duration timeout) {
		Optional<ProcessHandle> found = running(pid, start);
		if (found.isEmpty()) {
			return Outcome.NOT_RUNNING;
		}
		ProcessHandle process = found.get();
		// taken before signalling: once the parent is gone its children can no longer be found through it
		List<ProcessHandle> family = Stream.concat(Stream.of(process), process.descendants()).toList();
		signal(process, graceful);
		if (Await.within(name + " to stop", timeout, () -> noneAlive(family))) {
			return Outcome.STOPPED;
		}
		family.stream().filter(ProcessSupervisor::alive).forEach(ProcessHandle::destroyForcibly);
		return Await.within(name + " to die", Duration.ofSeconds(10), () -> noneAlive(family)) ? Outcome.KILLED
				: Outcome.SURVIVED;
	}

	public static void signal(ProcessHandle process, Signal signal) {
		switch (signal) {
			case TERM -> process.destroy();
			case KILL -> process.destroyForcibly();
			// ProcessHandle can only send TERM and KILL
			default -> kill(process.pid(), signal);
		}
	}

	private static void kill(long pid, Signal signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-s", signal.name(), Long.toString(pid)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -s " + signal + " " + pid + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run kill", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while signalling " + pid, ex);
		}
	}

	/** Alive and not a zombie: an exited child nobody has reaped yet still has a PID, but it is gone. */
	static boolean alive(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
			return !afterName.startsWith("Z") && !afterName.startsWith("X");
		}
		catch (IOException ex) {
			return process.isAlive();
		}
	}

	private static boolean noneAlive(List<ProcessHandle> processes) {
		return processes.stream().noneMatch(ProcessSupervisor::alive);
	}

}
