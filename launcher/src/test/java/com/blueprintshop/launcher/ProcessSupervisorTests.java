package com.blueprintshop.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.blueprintshop.launcher.ProcessSupervisor.Launched;
import com.blueprintshop.launcher.ProcessSupervisor.Outcome;
import com.blueprintshop.launcher.ProcessSupervisor.Signal;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSupervisorTests {

	@TempDir
	Path directory;

	@Test
	void startsAProcessInASessionOfItsOwnWithItsOutputInTheLog() throws Exception {
		Launched launched = start("echo started; exec sleep 600");
		try {
			// setsid runs in the started process (same PID) and creates the session just before it execs sh
			Await.until("a session led by the started process", Duration.ofSeconds(30),
					() -> session(launched.pid()) == launched.pid());
			Await.until("the log line", Duration.ofSeconds(30),
					() -> Files.readString(log()).contains("started"));
			assertThat(Files.readString(log())).contains("./blueprint starts: sh -c echo started");
		}
		finally {
			launched.process().destroyForcibly();
		}
	}

	@Test
	void recognisesAProcessOnlyByItsPidAndStartInstantTogether() {
		Launched launched = start("exec sleep 600");
		try {
			assertThat(ProcessSupervisor.running(launched.pid(), launched.start())).isPresent();
			assertThat(ProcessSupervisor.running(launched.pid(), launched.start().minusSeconds(3600))).isEmpty();
			assertThat(ProcessSupervisor.running(null, Instant.now())).isEmpty();
		}
		finally {
			launched.process().destroyForcibly();
		}
	}

	@Test
	void stopsAProcessAndItsChildrenWithTheGracefulSignal() throws Exception {
		Launched launched = start("sleep 600 & sleep 600 & wait");
		Await.until("two children", Duration.ofSeconds(30), () -> launched.process().children().count() == 2);
		List<ProcessHandle> children = launched.process().children().toList();

		// sh -c waiting in "wait" dies on TERM; its sleeping children would not, but are part of the family
		Outcome outcome = ProcessSupervisor.stop("test", launched.pid(), launched.start(), Signal.TERM, Duration.ofSeconds(1));

		assertThat(outcome).isIn(Outcome.STOPPED, Outcome.KILLED);
		assertThat(children).noneMatch(ProcessSupervisor::alive);
		assertThat(ProcessSupervisor.stop("test", launched.pid(), launched.start(), Signal.TERM, Duration.ofSeconds(1)))
			.isEqualTo(Outcome.NOT_RUNNING);
	}

	@Test
	void killsWhatIgnoresTheGracefulSignal() {
		Launched launched = start("trap '' TERM; echo trap-set; while true; do sleep 1; done");
		// a TERM that arrives before the trap is set simply stops the shell
		Await.until("the trap to be set", Duration.ofSeconds(30), () -> Files.readAllLines(log()).contains("trap-set"));

		Outcome outcome = ProcessSupervisor.stop("stubborn", launched.pid(), launched.start(), Signal.TERM,
				Duration.ZERO);

		assertThat(outcome).isEqualTo(Outcome.KILLED);
		assertThat(ProcessSupervisor.running(launched.pid(), launched.start())).isEmpty();
	}

	@Test
	void sendsOtherSignalsThroughKill() throws Exception {
		Launched launched = start("trap 'echo got-hup' HUP; echo trap-set; while true; do sleep 0.1; done");
		try {
			// whole lines: the log starts with the command itself, which names both words too
			Await.until("the trap to be set", Duration.ofSeconds(30), () -> Files.readAllLines(log()).contains("trap-set"));
			ProcessSupervisor.signal(launched.process().toHandle(), Signal.HUP);
			Await.until("the signal to arrive", Duration.ofSeconds(30), () -> Files.readAllLines(log()).contains("got-hup"));
			assertThat(launched.process().isAlive()).isTrue();
		}
		finally {
			launched.process().destroyForcibly();
		}
	}

	private static long session(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		// the fields after the command name: state, ppid, pgrp, session
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
	}

	private Launched start(String script) {
		return ProcessSupervisor.startDetached(List.of("sh", "-c", script), Map.of(), this.directory, log());
	}

	private Path log() {
		return this.directory.resolve("test.log");
	}

}
