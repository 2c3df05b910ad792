package com.blueprintshop.perflab.shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code ./blueprint up} as its state directory describes it: {@code run/state.json} (every
 * component's PID, ports and kind, the infrastructure endpoints), {@code secrets.properties} and
 * the edge's CA ({@code edge/tls/ca.crt}).
 */
public final class RunningSystem {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Kinds (as the launcher names them) that are Spring Boot applications with an actuator. */
	private static final List<String> ACTUATOR_KINDS = List.of("DISCOVERY", "SERVICE", "GATEWAY", "STOREFRONT");

	private final Path home;

	private final JsonNode state;

	private final Properties secrets;

	private RunningSystem(Path home, JsonNode state, Properties secrets) {
		this.home = home;
		this.state = state;
		this.secrets = secrets;
	}

	/**
	 * @throws SystemNotRunningException when the directory holds no run state (nothing was started
	 * with this {@code BLUEPRINT_HOME}, or it was stopped)
	 */
	public static RunningSystem of(Path home) {
		Path stateFile = home.resolve("run/state.json");
		if (!Files.isRegularFile(stateFile)) {
			throw new SystemNotRunningException("No system is running with BLUEPRINT_HOME=" + home + " (no " + stateFile
					+ "). Start one with: BLUEPRINT_HOME=" + home + " ./blueprint up");
		}
		try {
			JsonNode state = JSON.readTree(Files.readString(stateFile));
			Properties secrets = new Properties();
			Path secretsFile = home.resolve("secrets.properties");
			if (Files.isRegularFile(secretsFile)) {
				try (Reader reader = Files.newBufferedReader(secretsFile)) {
					secrets.load(reader);
				}
			}
			return new RunningSystem(home, state, secrets);
		}
		catch (IOException ex) {
			throw new SystemNotRunningException("Cannot read " + stateFile + ": " + ex.getMessage());
		}
	}

	/**
	 * The tactics this run was started without ({@code ./blueprint up --without}, or switched off by
	 * {@code load --ablate}), as the report's meta states them: the tactic and that it is off.
	 */
	public java.util.Map<String, String> ablations() {
		java.util.Map<String, String> ablations = new java.util.LinkedHashMap<>();
		for (JsonNode tactic : this.state.path("without")) {
			ablations.put(tactic.asString(), "off");
		}
		return ablations;
	}

	public Path home() {
		return this.home;
	}

	public List<Component> components() {
		List<Component> components = new ArrayList<>();
		for (JsonNode c : this.state.path("components")) {
			List<Integer> ports = new ArrayList<>();
			c.path("ports").forEach((p) -> ports.add(p.asInt()));
			Long pid = c.hasNonNull("pid") ? c.path("pid").asLong() : null;
			components.add(new Component(c.path("name").asString(), c.path("kind").asString(""), pid, ports,
					c.path("external").asBoolean(false)));
		}
		return components;
	}

	public Optional<Component> component(String name) {
		return components().stream().filter((c) -> c.name().equals(name)).findFirst();
	}

	/** The edge's https base URL, e.g. {@code https://localhost:8443}. */
	public String edgeUrl() {
		Component edge = component("edge").orElseThrow(() -> new SystemNotRunningException(
				"The run in " + this.home + " has no edge (nginx): the load goes through the TLS edge. Install nginx"
						+ " (apt-get install nginx) and start the system again."));
		return "https://localhost:" + edge.port();
	}

	public Path caCertificate() {
		return this.home.resolve("edge/tls/ca.crt");
	}

	/** A trust store holding only the run's CA, for clients that check the edge's certificate. */
	public KeyStore trustStore() {
		try (InputStream in = Files.newInputStream(caCertificate())) {
			Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("blueprint-ca", ca);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SystemNotRunningException("Cannot read the edge's CA " + caCertificate() + ": " + ex.getMessage());
		}
	}

	public String secret(String key) {
		String value = this.secrets.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new SystemNotRunningException("No " + key + " in " + this.home.resolve("secrets.properties"));
		}
		return value;
	}

	public String postgresHost() {
		return this.state.path("endpoints").path("postgresHost").asString("127.0.0.1");
	}

	public Integer postgresPort() {
		JsonNode port = this.state.path("endpoints").path("postgresPort");
		return port.isNumber() ? port.asInt() : null;
	}

	public String redisUrl() {
		JsonNode url = this.state.path("endpoints").path("redisUrl");
		return url.isString() ? url.asString() : null;
	}

	/**
	 * A component of the run.
	 *
	 * @param kind the launcher's kind: POSTGRES, REDIS, KAFKA, MAIL, DISCOVERY, SERVICE, GATEWAY,
	 * STOREFRONT, EDGE
	 * @param pid its main process, {@code null} for external infrastructure
	 */
	public record Component(String name, String kind, Long pid, List<Integer> ports, boolean external) {

		public int port() {
			return this.ports.getFirst();
		}

		/** A Spring Boot application: serves {@code /actuator/prometheus} on its port. */
		public boolean hasActuator() {
			return ACTUATOR_KINDS.contains(this.kind) && !this.ports.isEmpty();
		}

		public boolean sampled() {
			return this.pid != null && !this.external;
		}

	}

}
