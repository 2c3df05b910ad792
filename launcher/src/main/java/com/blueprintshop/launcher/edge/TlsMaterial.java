package com.blueprintshop.launcher.edge;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The edge's TLS files in {@code edge/tls/}: a local CA and a server certificate it signed for
 * {@code localhost} and {@code 127.0.0.1}. Generated once and reused, so a browser that was told
 * to trust {@code ca.crt} keeps trusting the edge. The CA's private key is never written: a CA
 * someone imported into their browser must not be able to sign anything else.
 */
public final class TlsMaterial {

	static final Duration CA_VALIDITY = Duration.ofDays(3650);

	static final Duration SERVER_VALIDITY = Duration.ofDays(825);

	/** Renew the server certificate this long before it expires. */
	private static final Duration RENEWAL_MARGIN = Duration.ofDays(30);

	private static final String SIGNATURE = "SHA256withECDSA";

	private final Path directory;

	public TlsMaterial(Path directory) {
		this.directory = directory;
	}

	public Path caCertificate() {
		return this.directory.resolve("ca.crt");
	}

	public Path serverCertificate() {
		return this.directory.resolve("server.crt");
	}

	public Path serverKey() {
		return this.directory.resolve("server.key");
	}

	/** Generates the files unless usable ones are there already; returns whether it generated. */
	public boolean ensure() {
		if (usable()) {
			return false;
		}
		generate(Instant.now());
		return true;
	}

	private boolean usable() {
		if (!Files.isRegularFile(caCertificate()) || !Files.isRegularFile(serverKey())
				|| !Files.isRegularFile(serverCertificate())) {
			return false;
		}
		try {
			X509Certificate server = read(serverCertificate());
			// files from an interrupted generation may not belong together
			server.verify(read(caCertificate()).getPublicKey());
			return server.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEWAL_MARGIN));
		}
		catch (IOException | GeneralSecurityException ex) {
			return false;
		}
	}

	void generate(Instant now) {
		try {
			KeyPair caKeys = ecKeyPair();
			X500Name caName = new X500Name("CN=Blueprint Shop local development CA,O=Blueprint Shop");
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now),
					Date.from(now.plus(CA_VALIDITY)), caName, caKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
			X509Certificate caCertificate = sign(ca, caKeys);

			KeyPair serverKeys = ecKeyPair();
			GeneralNames names = new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
					new GeneralName(GeneralName.iPAddress, "127.0.0.1") });
			X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCertificate, serial(), Date.from(now),
					Date.from(now.plus(SERVER_VALIDITY)), new X500Name("CN=localhost"), serverKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false, names)
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(serverKeys.getPublic()))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(caCertificate));
			X509Certificate serverCertificate = sign(server, caKeys);

			Files.createDirectories(this.directory);
			write(serverKey(), pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)), "rw-------");
			write(serverCertificate(), pem(serverCertificate), "rw-r--r--");
			write(caCertificate(), pem(caCertificate), "rw-r--r--");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write TLS files to " + this.directory, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("cannot generate TLS certificates", ex);
		}
	}

	static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
		try (var in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static KeyPair ecKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
			throws OperatorCreationException, GeneralSecurityException {
		ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuer.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

	private static BigInteger serial() {
		return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
	}

	private static String pem(Object object) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		return text.toString();
	}

	private static void write(Path file, String content, String permissions) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
		Files.writeString(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
