package com.blueprintshop.launcher;

/** A {@code host:port} pair as given in environment variables. */
record HostPort(String host, int port) {

	static HostPort parse(String value, int defaultPort) {
		String trimmed = value.trim();
		int colon = trimmed.lastIndexOf(':');
		if (colon < 0) {
			return new HostPort(trimmed, defaultPort);
		}
		try {
			return new HostPort(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not host:port: " + value);
		}
	}

}
