package com.blueprintshop.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services the gateway exposes: {@code /api/<service>/**} goes to an instance of
 * {@code <service>} found in discovery, with the {@code /api/<service>} prefix removed.
 *
 * @param services the discovery names of the routed services
 * @param timeouts how long each service may take to answer; a service not named here gets
 * {@code shop.http.read-timeout}
 */
@ConfigurationProperties("shop.gateway")
record GatewayRoutesProperties(List<String> services, @DefaultValue Map<String, Duration> timeouts) {
}
