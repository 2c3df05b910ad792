package com.blueprintshop.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses loopback ports. A port is free when a listener could be bound to it right now; that is
 * the same test the component will face a moment later. Ports handed out earlier in the same run
 * are never handed out twice.
 */
public final class Ports {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final Set<Integer> handedOut = new HashSet<>();

	/** A port choice; {@code preferred != port} means the preferred one was taken. */
	public record Choice(int preferred, int port) {

		public boolean moved() {
			return preferred != port;
		}

		public String note() {
			return moved() ? "port " + preferred + " was taken; using " + port : "";
		}

	}

	public Ports() {
	}

	/** Starts out with {@code taken} treated as handed out already (e.g. ports of running components). */
	public Ports(Set<Integer> taken) {
		this.handedOut.addAll(taken);
	}

	public synchronized Choice choose(int preferred) {
		if (!this.handedOut.contains(preferred) && isFree(preferred)) {
			this.handedOut.add(preferred);
			return new Choice(preferred, preferred);
		}
		for (int attempt = 0; attempt < 50; attempt++) {
			int port = ephemeral();
			if (this.handedOut.add(port)) {
				return new Choice(preferred, port);
			}
		}
		throw new IllegalStateException("no free loopback port found (wanted " + preferred + ")");
	}

	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// servers set SO_REUSEADDR too, so a port held only by TIME_WAIT connections counts as free
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(LOOPBACK, port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int ephemeral() {
		try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot bind any loopback port", ex);
		}
	}

}
