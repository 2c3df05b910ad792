package com.blueprintshop.storefront;

import com.blueprintshop.defaults.ServiceHttpClients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The storefront talks only to the gateway, over the pooled keep-alive client, choosing a
 * gateway instance from discovery on every call (client-side load balancing).
 */
@Configuration(proxyBeanMethods = false)
class GatewayClientConfiguration {

	// Not a @LoadBalanced RestClient.Builder bean: the Eureka client would pick that builder up
	// for its own calls to the registry and try to load-balance the registry's address.
	@Bean
	RestClient gateway(ServiceHttpClients clients, ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer,
			StorefrontProperties properties) {
		return clients.builder()
			.requestInterceptor(new DeferringLoadBalancerInterceptor(loadBalancer))
			.baseUrl(properties.gatewayUrl())
			.build();
	}

}
