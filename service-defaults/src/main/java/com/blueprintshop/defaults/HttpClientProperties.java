package com.blueprintshop.defaults;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for every outbound HTTP call made through {@link ServiceHttpClients}.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for a response once the request is sent
 * @param maxConnections pooled connections in total
 * @param maxConnectionsPerRoute pooled connections to one host and port
 */
@ConfigurationProperties("shop.http")
public record HttpClientProperties(Duration connectTimeout, Duration readTimeout, int maxConnections,
		int maxConnectionsPerRoute) {
}
