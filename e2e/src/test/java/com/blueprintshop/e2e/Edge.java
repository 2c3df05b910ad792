package com.blueprintshop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The running system's nginx edge, reached over HTTPS by a client that trusts only the
 * launcher's local CA: a real certificate check.
 */
final class Edge {

	private final HttpClient client;

	private final String baseUrl;

	/** The edge of the run recorded in this blueprint's state. */
	static Edge of(Blueprint blueprint) throws IOException, GeneralSecurityException {
		int port = SystemState.read(blueprint).port("edge");
		return new Edge(blueprint.home().resolve("edge/tls/ca.crt"), "https://localhost:" + port);
	}

	private Edge(Path caCertificate, String baseUrl) throws IOException, GeneralSecurityException {
		this.baseUrl = baseUrl;
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(caCertificate)) {
			trust.setCertificateEntry("blueprint-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		this.client = HttpClient.newBuilder()
			.sslContext(context)
			.version(HttpClient.Version.HTTP_2)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	String url(String path) {
		return this.baseUrl + path;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
