package com.blueprintshop.launcher;

import java.net.URI;

import com.blueprintshop.launcher.edge.TlsMaterial;
import com.blueprintshop.launcher.infra.MailRunner;
import com.blueprintshop.launcher.infra.PostgresRunner;

/** Which readiness probe answers for which kind of component. */
final class ComponentProbes {

	private final BlueprintHome home;

	private final Secrets secrets;

	ComponentProbes(BlueprintHome home, Secrets secrets) {
		this.home = home;
		this.secrets = secrets;
	}

	/** Ready now. External infrastructure is only checked for a listening port: its credentials are not recorded. */
	boolean ready(ComponentState component) throws Exception {
		if (component.external()) {
			return reachable(component);
		}
		return switch (component.kind()) {
			case POSTGRES -> Readiness.postgres(PostgresRunner.jdbcUrl("127.0.0.1", component.port(), "postgres"),
					PostgresRunner.SUPERUSER, this.secrets.postgresSuperuserPassword());
			case REDIS -> Readiness.redis("redis://127.0.0.1:" + component.port());
			case KAFKA -> Readiness.kafka("127.0.0.1:" + component.port());
			case MAIL -> Readiness.httpOk(MailRunner.healthUrl(component.ports().get(1)));
			case DISCOVERY, SERVICE, GATEWAY, STOREFRONT -> Readiness.httpOk(Applications.readinessUrl(component.port()));
			case EDGE -> Readiness.httpsOk(edgeUrl(component.port()),
					new TlsMaterial(this.home.edge().resolve("tls")).caCertificate());
		};
	}

	/** Ready and, for applications that register, listed as UP in Eureka on their own port. */
	boolean readyAndRegistered(ComponentState component, Endpoints endpoints) throws Exception {
		if (!ready(component)) {
			return false;
		}
		return !component.kind().registers() || Readiness.registeredInEureka(endpoints.discoveryPort(),
				component.spec().eurekaName(), component.port());
	}

	static String edgeUrl(int port) {
		return "https://127.0.0.1:" + port + "/";
	}

	private static boolean reachable(ComponentState component) {
		URI uri = URI.create(component.url().replaceFirst("^jdbc:", ""));
		String host = (uri.getHost() != null) ? uri.getHost() : "127.0.0.1";
		return Readiness.tcp(host, component.port());
	}

}
