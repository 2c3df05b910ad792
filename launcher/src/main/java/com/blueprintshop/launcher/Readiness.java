package com.blueprintshop.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Probes that answer "is it ready now?" by using the component the way its clients will: a query,
 * a PING, a cluster description, an HTTP request. Each probe is quick and bounded; the waiting
 * around them is {@link Await}'s.
 */
public final class Readiness {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private Readiness() {
	}

	public static boolean tcp(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static boolean httpOk(String url) throws IOException, InterruptedException {
		return get(HTTP, url, "*/*").statusCode() == 200;
	}

	public static boolean postgres(String jdbcUrl, String user, String password) throws SQLException {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("loginTimeout", "3");
		properties.setProperty("socketTimeout", "5");
		try (Connection connection = DriverManager.getConnection(jdbcUrl, properties);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select 1")) {
			return result.next() && result.getInt(1) == 1;
		}
	}

	/** Sends PING (after AUTH when the URL carries a password) and expects {@code +PONG}. */
	public static boolean redis(String redisUrl) throws IOException {
		URI uri = URI.create(redisUrl);
		if (!"redis".equals(uri.getScheme())) {
			throw new IOException("only redis:// URLs are supported, not " + redisUrl);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379), 1000);
			socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String userInfo = uri.getUserInfo();
			if (userInfo != null && !userInfo.isEmpty()) {
				int colon = userInfo.indexOf(':');
				String user = (colon >= 0) ? userInfo.substring(0, colon) : "";
				String password = (colon >= 0) ? userInfo.substring(colon + 1) : userInfo;
				out.write(user.isEmpty() ? resp("AUTH", password) : resp("AUTH", user, password));
				out.flush();
				String answer = in.readLine();
				if (!"+OK".equals(answer)) {
					throw new IOException("redis AUTH answered " + answer);
				}
			}
			out.write(resp("PING"));
			out.flush();
			return "+PONG".equals(in.readLine());
		}
	}

	public static boolean kafka(String bootstrap) throws Exception {
		String first = bootstrap.split(",")[0].trim();
		int colon = first.lastIndexOf(':');
		// an AdminClient against a closed port only logs and retries; a plain connect fails fast
		if (!tcp(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)))) {
			return false;
		}
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
		properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "blueprint-launcher");
		try (Admin admin = Admin.create(properties)) {
			return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
				.nodes()
				.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.isEmpty();
		}
	}

	/** Eureka lists {@code app} with an instance on {@code port} whose status is UP. */
	public static boolean registeredInEureka(int discoveryPort, String app, int port)
			throws IOException, InterruptedException {
		HttpResponse<String> response = get(HTTP, "http://127.0.0.1:" + discoveryPort + "/eureka/apps",
				"application/json");
		return response.statusCode() == 200 && eurekaListsUp(response.body(), app, port);
	}

	/**
	 * Removes an instance from Eureka's registry at once, instead of after its lease expires:
	 * for an instance known to be dead, so that clients stop picking it at their next refresh.
	 * @return whether Eureka knew it
	 */
	public static boolean deregisterFromEureka(int discoveryPort, String app, String instanceId)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + discoveryPort + "/eureka/apps/" + app.toUpperCase(java.util.Locale.ROOT)
					+ "/" + java.net.URLEncoder.encode(instanceId, StandardCharsets.UTF_8)))
			.timeout(PROBE_TIMEOUT)
			.DELETE()
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
	}

	static boolean eurekaListsUp(String json, String app, int port) {
		JsonNode applications = JSON.readTree(json).path("applications").path("application");
		for (JsonNode application : elements(applications)) {
			if (!app.equalsIgnoreCase(application.path("name").asString(""))) {
				continue;
			}
			for (JsonNode instance : elements(application.path("instance"))) {
				if ("UP".equals(instance.path("status").asString("")) && instance.path("port").path("$").asInt(-1) == port) {
					return true;
				}
			}
		}
		return false;
	}

	/** An HTTPS GET that trusts only {@code caCertificate}, as a browser that imported the local CA would. */
	public static boolean httpsOk(String url, Path caCertificate) throws Exception {
		try (HttpClient client = trusting(caCertificate)) {
			return get(client, url, "*/*").statusCode() == 200;
		}
	}

	static HttpClient trusting(Path caCertificate) throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream pem = Files.newInputStream(caCertificate)) {
			trusted.setCertificateEntry("blueprint-local-ca",
					CertificateFactory.getInstance("X.509").generateCertificate(pem));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(1)).build();
	}

	private static HttpResponse<String> get(HttpClient client, String url, String accept)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(PROBE_TIMEOUT)
			.header("Accept", accept)
			.GET()
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Iterable<JsonNode> elements(JsonNode node) {
		// Eureka writes a list of one as a bare object
		if (node.isArray()) {
			return node;
		}
		return node.isObject() ? java.util.List.of(node) : java.util.List.of();
	}

	private static byte[] resp(String... parts) {
		StringBuilder command = new StringBuilder("*").append(parts.length).append("\r\n");
		for (String part : parts) {
			int length = part.getBytes(StandardCharsets.UTF_8).length;
			command.append('$').append(length).append("\r\n").append(part).append("\r\n");
		}
		return command.toString().getBytes(StandardCharsets.UTF_8);
	}

}
