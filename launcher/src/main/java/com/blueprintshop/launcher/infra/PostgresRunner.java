package com.blueprintshop.launcher.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.blueprintshop.launcher.BlueprintHome;
import com.blueprintshop.launcher.ProcessSupervisor;

/**
 * A real PostgreSQL 17 server from the binaries in the zonky jar: extracted once, {@code initdb}
 * once, data kept between runs. PostgreSQL refuses to run as root, so under root it runs as the
 * {@code postgres} user (or {@code nobody}).
 */
public final class PostgresRunner {

	public static final String VERSION = "17.6.0";

	public static final String SUPERUSER = "postgres";

	/** Sized for the data set, with room for it to grow about threefold. */
	static final String SHARED_BUFFERS = "384MB";

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private final BlueprintHome home;

	private final Optional<OsUser> runAs;

	public PostgresRunner(BlueprintHome home) {
		this(home, OsUser.currentIsRoot() ? Optional.of(unprivilegedUser()) : Optional.empty());
	}

	PostgresRunner(BlueprintHome home, Optional<OsUser> runAs) {
		this.home = home;
		this.runAs = runAs;
	}

	public Path binaries() {
		return this.home.postgres().resolve("bin-" + VERSION);
	}

	public Path data() {
		return this.home.postgres().resolve("data");
	}

	/** Extracts the binaries and creates the cluster, each only the first time. */
	public void prepare(String superuserPassword, Path log) {
		Archives.extractTarXzOnce(ARCHIVE, binaries());
		this.runAs.ifPresent(this::checkReachableBy);
		if (!Files.isRegularFile(data().resolve("PG_VERSION"))) {
			initdb(superuserPassword, log);
		}
		this.runAs.ifPresent((user) -> ensureOwnedBy(data(), user));
	}

	public List<String> command(int port) {
		List<String> command = new ArrayList<>(asUser());
		command.addAll(List.of(binaries().resolve("bin/postgres").toString(), "-D", data().toString(), "-p",
				Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
				// TCP only: no socket file in /tmp that another cluster on this machine could collide with
				"-c", "unix_socket_directories=",
				// seven services with a pool each, plus the new instances a restart brings up alongside the old
				"-c", "max_connections=200",
				// the whole data set (120 MB on the first start, catalog 46 MB of it) stays in PostgreSQL's
				// own buffers; the machine's page cache holds it once more behind them
				"-c", "shared_buffers=" + SHARED_BUFFERS, "-c", "effective_cache_size=1GB",
				// what still reaches the database, per statement: ./blueprint load reports it per request
				"-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top",
				"-c", "pg_stat_statements.max=2000"));
		return command;
	}

	public static String jdbcUrl(String host, int port, String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** Creates each service's role and database, connecting with {@code adminUrl} as the superuser. */
	public static void provision(String adminUrl, String user, String password, Map<String, String> rolePasswords)
			throws SQLException {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "5");
		try (Connection admin = DriverManager.getConnection(adminUrl, properties)) {
			for (Map.Entry<String, String> role : rolePasswords.entrySet()) {
				Databases.ensureRoleAndDatabase(admin, role.getKey(), role.getValue());
			}
			Databases.enableStatementStatistics(admin);
		}
	}

	private void initdb(String superuserPassword, Path log) {
		Path staging = this.home.postgres().resolve("data.initdb");
		Path passwordFile = this.home.postgres().resolve("initdb.pw");
		try {
			Archives.deleteRecursively(staging);
			Files.createDirectories(staging);
			Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
			Files.deleteIfExists(passwordFile);
			Files.createFile(passwordFile,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(passwordFile, superuserPassword + "\n");
			if (this.runAs.isPresent()) {
				chown(staging, this.runAs.get());
				chown(passwordFile, this.runAs.get());
			}
			List<String> command = new ArrayList<>(asUser());
			command.addAll(List.of(binaries().resolve("bin/initdb").toString(), "-D", staging.toString(), "-U", SUPERUSER,
					"--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--auth-host=scram-sha-256",
					"--auth-local=trust", "--no-instructions"));
			int exit = ProcessSupervisor.runToCompletion(command, Map.of(), log, Duration.ofMinutes(3));
			if (exit != 0) {
				throw new IllegalStateException("initdb failed (exit " + exit + "); see " + log);
			}
			Files.move(staging, data());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot initialise " + data(), ex);
		}
		finally {
			try {
				Files.deleteIfExists(passwordFile);
			}
			catch (IOException ex) {
				// the file is 0600 and owned by the server's user; a leftover is not a leak
			}
		}
	}

	/** Fails with a way out when the unprivileged user cannot reach the binaries or the data. */
	private void checkReachableBy(OsUser user) {
		Path postgres = binaries().resolve("bin/postgres");
		if (runsAs(user, postgres.toString(), "--version")) {
			return;
		}
		Path blocked = Stream.iterate(postgres.getParent(), (path) -> path != null, Path::getParent)
			.toList()
			.reversed()
			.stream()
			.filter((dir) -> !runsAs(user, "test", "-x", dir.toString()))
			.findFirst()
			.orElse(postgres);
		throw new IllegalStateException(("PostgreSQL refuses to run as root, so it runs as user '%s', but that user "
				+ "cannot reach %s. Give others search permission (chmod o+x %s) or choose a BLUEPRINT_HOME that user "
				+ "can reach, e.g. BLUEPRINT_HOME=/tmp/blueprint").formatted(user.name(), blocked, blocked));
	}

	private static boolean runsAs(OsUser user, String... command) {
		List<String> full = new ArrayList<>(user.setpriv());
		full.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run setpriv (util-linux) to drop root for PostgreSQL", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void ensureOwnedBy(Path data, OsUser user) {
		try {
			if (((Integer) Files.getAttribute(data, "unix:uid")) == user.uid()) {
				return;
			}
			// a home first used by another account: hand the cluster to the account that now runs it
			try (Stream<Path> files = Files.walk(data)) {
				for (Path file : files.toList()) {
					chown(file, user);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot give " + data + " to user " + user.name(), ex);
		}
	}

	private static void chown(Path path, OsUser user) throws IOException {
		Files.setAttribute(path, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
		Files.setAttribute(path, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
	}

	private List<String> asUser() {
		return this.runAs.map(OsUser::setpriv).orElse(List.of());
	}

	private static OsUser unprivilegedUser() {
		return OsUser.lookup("postgres")
			.or(() -> OsUser.lookup("nobody"))
			.orElseThrow(() -> new IllegalStateException(
					"PostgreSQL refuses to run as root and there is no 'postgres' or 'nobody' user to run it as"));
	}

}
