package com.blueprintshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code ./blueprint} the way a person does, against its own state directory, and reads
 * what it recorded. Every run is bounded in time; a run that overstays is killed and fails.
 */
final class Blueprint {

	static final Path REPO = Path.of(System.getenv().getOrDefault("BLUEPRINT_REPO", "..")).toAbsolutePath().normalize();

	private final Path home;

	private final Map<String, String> environment = new HashMap<>();

	Blueprint(String name) {
		this.home = REPO.resolve("e2e/target/" + name);
		this.environment.put("BLUEPRINT_HOME", this.home.toString());
		// the reactor built every jar before this module; a nested build would race it
		this.environment.put("BLUEPRINT_NO_BUILD", "1");
	}

	Blueprint with(String variable, String value) {
		this.environment.put(variable, value);
		return this;
	}

	Path home() {
		return this.home;
	}

	Result run(Duration bound, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(REPO.resolve("blueprint").toString());
		command.addAll(List.of(args));
		Path output = Files.createTempFile("blueprint-", ".out");
		ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(this.environment);
		Process process = builder.start();
		boolean finished = process.waitFor(bound.toSeconds(), TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		Files.delete(output);
		System.out.println("$ blueprint " + String.join(" ", args) + "\n" + text);
		assertThat(finished).as("blueprint %s finished within %s", String.join(" ", args), bound).isTrue();
		return new Result(process.exitValue(), text);
	}

	/**
	 * Starts {@code ./blueprint args} without waiting for it (a chaos pause that lasts while the
	 * test works); its output goes to {@code output}. The caller waits for it, bounded.
	 */
	Process start(Path output, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(REPO.resolve("blueprint").toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(this.environment);
		return builder.start();
	}

	/** The run state the launcher keeps in {@code run/state.json}. */
	JsonNode state() throws IOException {
		return JsonMapper.builder().build().readTree(this.home.resolve("run/state.json").toFile());
	}

	/**
	 * {@code down}, then checks what it promises: every process of the run (children included)
	 * has exited, none names this state directory, and every port the run used is free.
	 */
	void downLeavesNothingBehind() throws IOException, InterruptedException {
		SystemState state = SystemState.read(this);
		List<ProcessHandle> processes = state.processesWithDescendants();
		Result down = run(Duration.ofMinutes(5), "down");
		assertThat(down.exitCode()).as(down.output()).isZero();
		assertThat(processes).allSatisfy(p -> assertThat(isRunning(p)).as("PID " + p.pid()).isFalse());
		assertThat(processesOfThisHome()).isEmpty();
		assertThat(state.ports()).allSatisfy(port -> assertThat(portIsFree(port)).as("port " + port).isTrue());
	}

	/** Every process on this machine whose command line names this state directory. */
	List<ProcessHandle> processesOfThisHome() {
		String marker = this.home.toString();
		return ProcessHandle.allProcesses()
			.filter(Blueprint::isRunning)
			.filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
			.toList();
	}

	/**
	 * Running, as opposed to exited: an exited process whose parent (init, once the launcher has
	 * exited) has not reaped it yet still has a PID, as a zombie.
	 */
	static boolean isRunning(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException gone) {
			return false;
		}
	}

	static boolean portIsFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	record Result(int exitCode, String output) {
	}

}
