package com.blueprintshop.launcher.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The nginx executable of this machine: where it is, what version, and how the edge runs it. */
public record Nginx(Path executable, Version version) {

	private static final Path FALLBACK = Path.of("/usr/sbin/nginx");

	private static final Path BROTLI_MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so");

	private static final Pattern VERSION = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)");

	public record Version(int major, int minor, int patch) implements Comparable<Version> {

		@Override
		public int compareTo(Version other) {
			return Integer.compare(major * 1_000_000 + minor * 1_000 + patch,
					other.major * 1_000_000 + other.minor * 1_000 + other.patch);
		}

		@Override
		public String toString() {
			return major + "." + minor + "." + patch;
		}

	}

	/** The nginx on PATH, else {@code /usr/sbin/nginx}, if either is there. */
	public static Optional<Nginx> locate() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.concat(Stream.of(path.split(":")).filter((dir) -> !dir.isEmpty()).map((dir) -> Path.of(dir, "nginx")),
				Stream.of(FALLBACK))
			.filter(Files::isExecutable)
			.findFirst()
			.map((executable) -> new Nginx(executable, versionOf(executable)));
	}

	/** Debian's {@code libnginx-mod-http-brotli-filter}, built for the nginx of the same release. */
	public Optional<Path> brotliModule() {
		Path module = BROTLI_MODULE;
		return Files.isReadable(module) ? Optional.of(module) : Optional.empty();
	}

	/** {@code http2 on;} arrived in 1.25.1; before it HTTP/2 was a parameter of {@code listen}. */
	public boolean hasHttp2Directive() {
		return this.version.compareTo(new Version(1, 25, 1)) >= 0;
	}

	public List<String> command(EdgeConfig config) {
		return command(config, config.file(), List.of());
	}

	/** Runs {@code nginx -t} on {@code file}; returns nginx's complaint, or empty when it is valid. */
	public Optional<String> test(EdgeConfig config, Path file) {
		try {
			Files.createDirectories(config.home().logs());
			Process process = new ProcessBuilder(command(config, file, List.of("-t", "-q"))).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.of("nginx -t did not finish within 30 s");
			}
			return (process.exitValue() == 0) ? Optional.empty() : Optional.of(output.strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + this.executable, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted while running nginx -t");
		}
	}

	/** Writes the configuration and the directories it names, then checks it with {@code nginx -t}. */
	public void install(EdgeConfig config) {
		try {
			for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
				Files.createDirectories(config.home().edge().resolve("tmp").resolve(temp));
			}
			if (config.cache()) {
				Files.createDirectories(config.cacheDirectory());
			}
			Path partial = config.file().resolveSibling("nginx.conf.new");
			Files.writeString(partial, config.render());
			Optional<String> problem = test(config, partial);
			if (problem.isPresent()) {
				throw new IllegalStateException(
						"nginx rejects the generated configuration " + partial + ":\n" + problem.get());
			}
			Files.move(partial, config.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + config.file(), ex);
		}
	}

	private List<String> command(EdgeConfig config, Path file, List<String> extra) {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(extra);
		command.addAll(List.of("-c", file.toString(), "-p", config.home().edge() + "/"));
		if (this.version.compareTo(new Version(1, 19, 5)) >= 0) {
			// without -e nginx first opens its compiled-in error log, which may not be writable
			command.addAll(List.of("-e", config.home().logs().resolve("edge-error.log").toString()));
		}
		return command;
	}

	private static Version versionOf(Path executable) {
		try {
			Process process = new ProcessBuilder(executable.toString(), "-v").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			Matcher matcher = VERSION.matcher(output);
			if (!matcher.find()) {
				throw new IllegalStateException(executable + " -v printed no version: " + output.strip());
			}
			return new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + executable + " -v", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking nginx for its version", ex);
		}
	}

}
