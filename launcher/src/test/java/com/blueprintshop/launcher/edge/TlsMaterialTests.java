package com.blueprintshop.launcher.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.blueprintshop.launcher.Readiness;

import static org.assertj.core.api.Assertions.assertThat;

class TlsMaterialTests {

	@TempDir
	Path directory;

	@Test
	void signsAServerCertificateForLocalhostAndTheLoopbackAddress() throws Exception {
		TlsMaterial tls = new TlsMaterial(this.directory);
		assertThat(tls.ensure()).isTrue();

		X509Certificate ca = TlsMaterial.read(tls.caCertificate());
		X509Certificate server = TlsMaterial.read(tls.serverCertificate());

		server.verify(ca.getPublicKey());
		assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(server.getBasicConstraints()).isEqualTo(-1);
		List<String> alternativeNames = server.getSubjectAlternativeNames().stream().map((name) -> String.valueOf(name.get(1))).toList();
		assertThat(alternativeNames).containsExactlyInAnyOrder("localhost", "127.0.0.1");
		assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
		assertThat(Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()))
			.isEqualTo(TlsMaterial.SERVER_VALIDITY);
		assertThat(Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()))
			.isEqualTo(TlsMaterial.CA_VALIDITY);
	}

	@Test
	void keepsTheKeyPrivateAndNeverWritesTheCaKey() throws Exception {
		TlsMaterial tls = new TlsMaterial(this.directory);
		tls.ensure();

		assertThat(Files.getPosixFilePermissions(tls.serverKey())).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		try (var files = Files.list(this.directory)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("ca.crt", "server.crt", "server.key");
		}
	}

	@Test
	void reusesWhatItGeneratedBefore() throws Exception {
		TlsMaterial tls = new TlsMaterial(this.directory);
		tls.ensure();
		byte[] ca = Files.readAllBytes(tls.caCertificate());

		assertThat(new TlsMaterial(this.directory).ensure()).isFalse();
		assertThat(Files.readAllBytes(tls.caCertificate())).isEqualTo(ca);
	}

	@Test
	void regeneratesFilesThatDoNotBelongTogether() throws Exception {
		TlsMaterial tls = new TlsMaterial(this.directory);
		tls.ensure();
		Path otherDirectory = Files.createDirectory(this.directory.resolve("other"));
		TlsMaterial other = new TlsMaterial(otherDirectory);
		other.ensure();
		Files.copy(other.caCertificate(), tls.caCertificate(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		assertThat(tls.ensure()).isTrue();
		TlsMaterial.read(tls.serverCertificate()).verify(TlsMaterial.read(tls.caCertificate()).getPublicKey());
	}

	@Test
	void letsTheEdgeProbeTrustAServerUsingTheseFiles() throws Exception {
		TlsMaterial tls = new TlsMaterial(this.directory);
		tls.ensure();
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverContext(tls)));
		server.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			int port = server.getAddress().getPort();
			assertThat(Readiness.httpsOk("https://127.0.0.1:" + port + "/", tls.caCertificate())).isTrue();
			assertThat(Readiness.httpsOk("https://localhost:" + port + "/", tls.caCertificate())).isTrue();
		}
		finally {
			server.stop(0);
		}
	}

	private static SSLContext serverContext(TlsMaterial tls) throws Exception {
		String pem = Files.readString(tls.serverKey());
		assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
		PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("server", key, new char[0],
				List.of(TlsMaterial.read(tls.serverCertificate()), TlsMaterial.read(tls.caCertificate()))
					.toArray(Certificate[]::new));
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, new char[0]);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

}
