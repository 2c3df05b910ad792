package com.blueprintshop.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void keepsThePreferredPortWhenItIsFree() throws IOException {
		int free = freePort();
		Ports.Choice choice = new Ports().choose(free);
		assertThat(choice.port()).isEqualTo(free);
		assertThat(choice.moved()).isFalse();
		assertThat(choice.note()).isEmpty();
	}

	@Test
	void choosesAnotherFreePortWhenThePreferredOneIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int preferred = taken.getLocalPort();
			Ports.Choice choice = new Ports().choose(preferred);
			assertThat(choice.port()).isNotEqualTo(preferred);
			assertThat(choice.moved()).isTrue();
			assertThat(Ports.isFree(choice.port())).isTrue();
			assertThat(choice.note()).isEqualTo("port " + preferred + " was taken; using " + choice.port());
		}
	}

	@Test
	void reportsABoundPortAsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
		}
	}

	@Test
	void neverHandsOutTheSamePortTwiceInOneRun() throws IOException {
		int preferred = freePort();
		Ports ports = new Ports();
		Set<Integer> chosen = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			chosen.add(ports.choose(preferred).port());
		}
		assertThat(chosen).hasSize(20).contains(preferred);
	}

	@Test
	void treatsPortsOfRunningComponentsAsTaken() throws IOException {
		int running = freePort();
		Ports.Choice choice = new Ports(Set.of(running)).choose(running);
		assertThat(choice.port()).isNotEqualTo(running);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
