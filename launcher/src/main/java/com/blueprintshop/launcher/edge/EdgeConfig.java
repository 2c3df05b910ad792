package com.blueprintshop.launcher.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * @param cache whether the edge keeps anonymous pages (for the few seconds the storefront allows)
 * and product images; off for {@code ./blueprint up --without edge-cache}
 * @param brotliModule nginx's brotli filter module, when the machine has it
 * ({@code libnginx-mod-http-brotli-filter}): responses are then compressed with brotli for
 * browsers that accept it, gzip for the others
 */
public record EdgeConfig(BlueprintHome home, Path staticDirectory, TlsMaterial tls, int httpsPort, int httpPort,
		List<Integer> storefrontPorts, List<Integer> gatewayPorts, List<Integer> identityPorts, boolean runAsRoot,
		boolean http2Directive, boolean cache, Optional<Path> brotliModule) {

	/**
	 * The storefront's session cookie (Spring Session, {@code server.servlet.session.cookie.name}):
	 * a request that carries it belongs to someone, and the page cache neither answers nor keeps it.
	 */
	static final String SESSION_COOKIE = "BP_SESSION";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9_]+)}}");

	/** An edge with its cache on and no brotli. */
	public EdgeConfig(BlueprintHome home, Path staticDirectory, TlsMaterial tls, int httpsPort, int httpPort,
			List<Integer> storefrontPorts, List<Integer> gatewayPorts, List<Integer> identityPorts, boolean runAsRoot,
			boolean http2Directive) {
		this(home, staticDirectory, tls, httpsPort, httpPort, storefrontPorts, gatewayPorts, identityPorts, runAsRoot,
				http2Directive, true, Optional.empty());
	}

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
		values.put("modules", this.brotliModule.map((module) -> "load_module " + module + ";\n").orElse(""));
		values.put("brotli", this.brotliModule.isPresent() ? BROTLI : "");
		values.put("cache_zones", this.cache ? CACHE_ZONES.replace("{{edge}}", this.home.edge().toString()) : "");
		values.put("page_cache", this.cache ? PAGE_CACHE : "");
		values.put("image_cache", this.cache ? IMAGE_CACHE : "");
		return fill(template(), values);
	}

	/** Where the edge keeps cached responses; nginx wants the directory to exist. */
	public Path cacheDirectory() {
		return this.home.edge().resolve("cache");
	}

	private static final String BROTLI = """
			    brotli on;
			    brotli_comp_level 4;
			    brotli_min_length 256;
			    brotli_types text/plain text/css application/javascript application/json image/svg+xml;
			""";

	// keys in shared memory (16 MB holds about 130,000), bodies on disk bounded by max_size and
	// dropped after 10 minutes unused; a stale body stays there for use_stale below
	private static final String CACHE_ZONES = """
			    proxy_cache_path {{edge}}/cache/pages levels=1:2 keys_zone=pages:16m max_size=256m inactive=10m use_temp_path=off;
			    proxy_cache_path {{edge}}/cache/images levels=1:2 keys_zone=images:8m max_size=512m inactive=1h use_temp_path=off;
			""";

	/*
	 * The micro-cache. The storefront decides what may be kept and how long: anonymous catalog pages
	 * say "public, s-maxage=2", everything personal "private" or "no-store", which nginx never
	 * stores, and a response that sets a cookie is never stored either. On top of that a request
	 * with the session cookie (or credentials) neither reads nor fills the cache. One request per
	 * page goes to a storefront at a time (cache_lock); while it is refreshed, and while the
	 * storefronts fail or time out, the last copy is served.
	 */
	private static final String PAGE_CACHE = """
			            proxy_cache pages;
			            proxy_cache_key $scheme$host$request_uri;
			            proxy_cache_methods GET HEAD;
			            proxy_cache_bypass $cookie_%1$s $http_authorization;
			            proxy_no_cache $cookie_%1$s $http_authorization;
			            proxy_cache_lock on;
			            proxy_cache_lock_timeout 5s;
			            proxy_cache_lock_age 5s;
			            proxy_cache_revalidate on;
			            proxy_cache_background_update on;
			            proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
			            add_header X-Cache-Status $upstream_cache_status always;
			""".formatted(SESSION_COOKIE);

	// content-addressed URLs (the hash is in the name): catalog says immutable, kept up to an hour unused
	private static final String IMAGE_CACHE = """
			            proxy_cache images;
			            proxy_cache_lock on;
			            proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
			            add_header X-Cache-Status $upstream_cache_status always;
			            add_header Strict-Transport-Security "max-age=31536000" always;
			""";

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
