package com.blueprintshop.storefront;

import com.blueprintshop.defaults.ServiceHttpClients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
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
	GatewayLoadBalancing gatewayLoadBalancing(ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
		return new GatewayLoadBalancing(loadBalancer);
	}

	@Bean
	RestClient gateway(ServiceHttpClients clients, GatewayLoadBalancing loadBalancing,
			StorefrontProperties properties) {
		return clients.builder().requestInterceptor(loadBalancing).baseUrl(properties.gatewayUrl()).build();
	}

}
