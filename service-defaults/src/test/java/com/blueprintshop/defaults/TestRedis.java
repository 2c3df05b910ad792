package com.blueprintshop.defaults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * A redis-server of the test's own on a free port (no persistence), stopped by its PID through
 * {@link Process}, never by name.
 */
public final class TestRedis implements AutoCloseable {

	private final Process process;

	private final int port;

	private TestRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static TestRedis start() {
		int port = freePort();
		try {
			Process process = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--save",
					"", "--appendonly", "no", "--bind", "127.0.0.1")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			TestRedis redis = new TestRedis(process, port);
			redis.awaitListening();
			return redis;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start /usr/bin/redis-server", ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Kills the server and waits for it to be gone. */
	public void stop() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void awaitListening() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				Thread.onSpinWait();
			}
		}
		stop();
		throw new IllegalStateException("redis-server did not listen on " + this.port + " within 10 s");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
