package com.blueprintshop.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services the gateway exposes: {@code /api/<service>/**} goes to an instance of
 * {@code <service>} found in discovery, with the {@code /api/<service>} prefix removed.
 *
 * @param services the discovery names of the routed services
 */
@ConfigurationProperties("shop.gateway")
record GatewayRoutesProperties(List<String> services) {
}
