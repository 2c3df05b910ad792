package com.blueprintshop.launcher.infra;

import java.nio.file.Path;
import java.util.List;

import com.blueprintshop.launcher.BlueprintHome;

/**
 * Redis from the binary the embedded-redis jar carries. It holds sessions and caches only, so
 * nothing is persisted: no RDB snapshots, no append-only file.
 */
public final class RedisRunner {

	private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";

	private final BlueprintHome home;

	public RedisRunner(BlueprintHome home) {
		this.home = home;
	}

	public Path binary() {
		return this.home.redis().resolve("bin").resolve(BINARY);
	}

	public void prepare() {
		Archives.copyExecutableOnce(BINARY, binary());
	}

	public List<String> command(int port) {
		return List.of(binary().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no", "--daemonize", "no", "--dir", this.home.redis().toString());
	}

	public static String url(int port) {
		return "redis://127.0.0.1:" + port;
	}

}
