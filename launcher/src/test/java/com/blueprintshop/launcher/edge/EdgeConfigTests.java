package com.blueprintshop.launcher.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.blueprintshop.launcher.BlueprintHome;
import com.blueprintshop.launcher.infra.OsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EdgeConfigTests {

	@TempDir
	Path directory;

	@Test
	void balancesOverEveryStorefrontInstanceWithLeastConnections() {
		String conf = config(List.of(8081, 8082, 41234), false, true).render();

		assertThat(conf).contains("least_conn;")
			.contains("server 127.0.0.1:8081 max_fails=3 fail_timeout=10s;")
			.contains("server 127.0.0.1:8082 max_fails=3 fail_timeout=10s;")
			.contains("server 127.0.0.1:41234 max_fails=3 fail_timeout=10s;")
			.contains("keepalive 32;")
			.contains("proxy_next_upstream error timeout http_502 http_503;")
			.contains("proxy_set_header X-Forwarded-Port 8443;");
	}

	@Test
	void sendsTheApiAndProductImagesToTheGatewayAndTheSignInPagesToIdentity() {
		String conf = config(List.of(8081), false, true).render();

		assertThat(conf).contains("upstream gateway {")
			.contains("server 127.0.0.1:8080 max_fails=3 fail_timeout=10s;")
			.contains("location /api/ {")
			.contains("proxy_pass http://gateway/api/catalog/images/;")
			.contains("upstream identity {")
			.contains("server 127.0.0.1:9001 max_fails=3 fail_timeout=10s;")
			.contains("proxy_pass http://identity/;")
			.contains("proxy_set_header X-Forwarded-Host $host:8443;")
			.contains("proxy_set_header X-Forwarded-Prefix /auth;")
			.contains("proxy_set_header X-Forwarded-For $remote_addr;");
	}

	@Test
	void keepsProbesAndMetricsOffTheInternet() {
		assertThat(config(List.of(8081), false, true).render()).contains("location ~ \"^/(api/[^/]+/)?actuator(/|$)\" {");
	}

	@Test
	void servesFingerprintedAssetsFromTheirPlainFileForAYear() {
		String conf = config(List.of(8081), false, true).render();

		assertThat(conf).contains("alias " + this.directory.resolve("static") + "/$asset.$extension;")
			.contains("Cache-Control \"public, max-age=31536000, immutable\"");
	}

	@Test
	void microCachesAnonymousPagesAndImagesButNeverARequestWithTheSession() {
		String conf = config(List.of(8081), false, true).render();

		assertThat(conf).contains("proxy_cache_path " + this.directory.resolve("edge") + "/cache/pages")
			.contains("proxy_cache pages;")
			.contains("proxy_cache images;")
			.contains("proxy_cache_bypass $cookie_BP_SESSION $http_authorization;")
			.contains("proxy_no_cache $cookie_BP_SESSION $http_authorization;")
			.contains("proxy_cache_lock on;")
			.contains("proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;")
			.contains("add_header X-Cache-Status $upstream_cache_status always;")
			.contains("cache=$upstream_cache_status")
			.contains("open_file_cache_errors on;");
	}

	@Test
	void withoutItsCacheTheEdgeOnlyProxies() {
		String conf = new EdgeConfig(new BlueprintHome(this.directory), this.directory.resolve("static"),
				new TlsMaterial(this.directory.resolve("edge/tls")), 8443, 8088, List.of(8081), List.of(8080),
				List.of(9001), false, true, false, Optional.empty())
			.render();

		assertThat(conf).doesNotContain("proxy_cache ").doesNotContain("proxy_cache_path").doesNotContain("X-Cache-Status");
	}

	@Test
	void compressesWithBrotliOnlyWhenTheModuleIsThere() {
		Path module = Path.of("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so");
		String with = new EdgeConfig(new BlueprintHome(this.directory), this.directory.resolve("static"),
				new TlsMaterial(this.directory.resolve("edge/tls")), 8443, 8088, List.of(8081), List.of(8080),
				List.of(9001), false, true, true, Optional.of(module))
			.render();

		assertThat(with).startsWith("# Generated").contains("load_module " + module + ";").contains("brotli on;");
		assertThat(config(List.of(8081), false, true).render()).doesNotContain("brotli").contains("gzip on;");
	}

	@Test
	void refusesAnEdgeWithoutGateway() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EdgeConfig(new BlueprintHome(this.directory),
				this.directory.resolve("static"), new TlsMaterial(this.directory.resolve("edge/tls")), 8443, 8088,
				List.of(8081), List.of(), List.of(9001), false, true));
	}

	@Test
	void servesTlsAndHttp2WithTheGeneratedCertificate() {
		EdgeConfig config = config(List.of(8081), false, true);
		String conf = config.render();

		assertThat(conf).contains("listen 127.0.0.1:8443 ssl;")
			.contains("http2 on;")
			.contains("ssl_certificate " + config.tls().serverCertificate() + ";")
			.contains("ssl_certificate_key " + config.tls().serverKey() + ";")
			.contains("ssl_protocols TLSv1.2 TLSv1.3;")
			.contains("return 301 https://$host:8443$request_uri;")
			.contains("alias " + this.directory.resolve("static") + "/;")
			.doesNotContain("{{");
	}

	@Test
	void putsHttp2OnTheListenLineForNginxOlderThan1_25_1() {
		String conf = config(List.of(8081), false, false).render();

		assertThat(conf).contains("listen 127.0.0.1:8443 ssl http2;").doesNotContain("http2 on;");
	}

	@Test
	void runsWorkersAsRootOnlyWhenTheLauncherIsRoot() {
		assertThat(config(List.of(8081), true, true).render()).contains("user root;");
		assertThat(config(List.of(8081), false, true).render()).doesNotContain("user ");
	}

	@Test
	void keepsEveryPathInsideTheHome() {
		EdgeConfig config = config(List.of(8081), false, true);
		String conf = config.render();

		assertThat(conf).contains("pid " + config.home().edge() + "/nginx.pid;")
			.contains("error_log " + config.home().logs() + "/edge-error.log")
			.contains("access_log " + config.home().logs() + "/edge-access.log edge;")
			.contains("proxy_temp_path " + config.home().edge() + "/tmp/proxy;");
	}

	@Test
	void refusesAPlaceholderWithoutValue() {
		assertThatIllegalStateException().isThrownBy(() -> EdgeConfig.fill("listen {{port}};", Map.of()))
			.withMessageContaining("{{port}}");
	}

	@Test
	void passesNginxOwnCheckWhenNginxIsInstalled() throws Exception {
		Optional<Nginx> nginx = Nginx.locate();
		assumeTrue(nginx.isPresent(), "nginx is not installed");
		EdgeConfig config = new EdgeConfig(new BlueprintHome(this.directory), this.directory.resolve("static"),
				new TlsMaterial(this.directory.resolve("edge/tls")), 8443, 8088, List.of(8081, 8082), List.of(8080), List.of(9001),
				OsUser.currentIsRoot(), nginx.get().hasHttp2Directive());
		config.tls().ensure();

		nginx.get().install(config);

		assertThat(config.file()).exists();
		assertThat(nginx.get().test(config, config.file())).isEmpty();
		Files.writeString(config.file(), config.render().replace("least_conn;", "least_conn"));
		assertThat(nginx.get().test(config, config.file())).isPresent();
	}

	private EdgeConfig config(List<Integer> storefrontPorts, boolean root, boolean http2Directive) {
		return new EdgeConfig(new BlueprintHome(this.directory), this.directory.resolve("static"),
				new TlsMaterial(this.directory.resolve("edge/tls")), 8443, 8088, storefrontPorts, List.of(8080), List.of(9001), root, http2Directive);
	}

}
