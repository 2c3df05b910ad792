package com.blueprintshop.launcher;

/**
 * Where the infrastructure answers, as handed to the applications. Recorded in the run state so
 * that {@code restart} gives a new instance the same environment the first one had.
 */
public record Endpoints(String postgresHost, Integer postgresPort, String redisUrl, String kafkaBootstrap,
		String smtpHost, Integer smtpPort, Integer mailApiPort, Integer discoveryPort, Integer edgePort) {

	public static Endpoints none() {
		return new Endpoints(null, null, null, null, null, null, null, null, null);
	}

	public Endpoints withPostgres(String host, int port) {
		return new Endpoints(host, port, this.redisUrl, this.kafkaBootstrap, this.smtpHost, this.smtpPort,
				this.mailApiPort, this.discoveryPort, this.edgePort);
	}

	public Endpoints withRedis(String url) {
		return new Endpoints(this.postgresHost, this.postgresPort, url, this.kafkaBootstrap, this.smtpHost,
				this.smtpPort, this.mailApiPort, this.discoveryPort, this.edgePort);
	}

	public Endpoints withKafka(String bootstrap) {
		return new Endpoints(this.postgresHost, this.postgresPort, this.redisUrl, bootstrap, this.smtpHost,
				this.smtpPort, this.mailApiPort, this.discoveryPort, this.edgePort);
	}

	public Endpoints withMail(String host, int smtpPort, Integer apiPort) {
		return new Endpoints(this.postgresHost, this.postgresPort, this.redisUrl, this.kafkaBootstrap, host, smtpPort,
				apiPort, this.discoveryPort, this.edgePort);
	}

	public Endpoints withDiscovery(int port) {
		return new Endpoints(this.postgresHost, this.postgresPort, this.redisUrl, this.kafkaBootstrap, this.smtpHost,
				this.smtpPort, this.mailApiPort, port, this.edgePort);
	}

	/** The https port browsers use (identity must know it: it only redirects to registered URLs). */
	public Endpoints withEdge(int httpsPort) {
		return new Endpoints(this.postgresHost, this.postgresPort, this.redisUrl, this.kafkaBootstrap, this.smtpHost,
				this.smtpPort, this.mailApiPort, this.discoveryPort, httpsPort);
	}

	public String eurekaUrl() {
		return "http://127.0.0.1:" + this.discoveryPort + "/eureka/";
	}

}
