package com.blueprintshop.launcher.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.blueprintshop.launcher.BlueprintHome;

/**
 * The nginx configuration of the edge, rendered from {@code edge/nginx.conf.template}: TLS and
 * HTTP/2 in front of the storefront instances, static files served by nginx itself.
 * @param staticDirectory the storefront's static resources ({@code storefront/target/classes/static})
 * @param storefrontPorts one upstream server per running storefront instance
 * @param gatewayPorts the gateway instances, which serve {@code /api/} and {@code /images/}
 * (catalog's product images)
 * @param identityPorts the identity instances, which serve their browser side under {@code /auth/}
 * @param runAsRoot nginx workers drop to {@code nobody} unless told otherwise, and {@code nobody}
 * cannot read a root-owned home
 * @param http2Directive nginx 1.25.1 and later enable HTTP/2 with {@code http2 on;}, older ones on
 * the {@code listen} line
 */
public record EdgeConfig(BlueprintHome home, Path staticDirectory, TlsMaterial tls, int httpsPort, int httpPort,
		List<Integer> storefrontPorts, List<Integer> gatewayPorts, List<Integer> identityPorts, boolean runAsRoot, boolean http2Directive) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9_]+)}}");

	public EdgeConfig {
		if (storefrontPorts.isEmpty()) {
			throw new IllegalArgumentException("the edge needs at least one storefront instance");
		}
		storefrontPorts = List.copyOf(storefrontPorts);
		if (gatewayPorts.isEmpty()) {
			throw new IllegalArgumentException("the edge needs the gateway for /api/, /auth/ and /images/");
		}
		gatewayPorts = List.copyOf(gatewayPorts);
		if (identityPorts.isEmpty()) {
			throw new IllegalArgumentException("the edge needs identity for /auth/");
		}
		identityPorts = List.copyOf(identityPorts);
	}

	public Path file() {
		return this.home.edge().resolve("nginx.conf");
	}

	public String render() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("user", this.runAsRoot ? "user root;\n" : "");
		values.put("edge", this.home.edge().toString());
		values.put("logs", this.home.logs().toString());
		values.put("upstream_servers", servers(this.storefrontPorts));
		values.put("gateway_servers", servers(this.gatewayPorts));
		values.put("identity_servers", servers(this.identityPorts));
		values.put("http_port", Integer.toString(this.httpPort));
		values.put("https_port", Integer.toString(this.httpsPort));
		values.put("listen_http2", this.http2Directive ? "" : " http2");
		values.put("http2_directive", this.http2Directive ? "        http2 on;\n" : "");
		values.put("certificate", this.tls.serverCertificate().toString());
		values.put("certificate_key", this.tls.serverKey().toString());
		values.put("static_dir", this.staticDirectory.toString());
		return fill(template(), values);
	}

	private static String servers(List<Integer> ports) {
		return ports.stream()
			.map((port) -> "        server 127.0.0.1:" + port + " max_fails=3 fail_timeout=10s;")
			.collect(Collectors.joining("\n"));
	}

	static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("no value for {{" + matcher.group(1) + "}} in the nginx template");
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(result).toString();
	}

	private static String template() {
		try (InputStream in = EdgeConfig.class.getResourceAsStream("/edge/nginx.conf.template")) {
			if (in == null) {
				throw new IllegalStateException("edge/nginx.conf.template is missing from the launcher jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
