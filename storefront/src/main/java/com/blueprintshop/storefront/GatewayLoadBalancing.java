package com.blueprintshop.storefront;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Resolves {@code http://gateway} to a gateway instance from discovery on every call. Every
 * client that talks to the gateway uses it: the page clients, and Spring Security's token and
 * JWK set clients.
 */
public final class GatewayLoadBalancing implements ClientHttpRequestInterceptor {

	private final DeferringLoadBalancerInterceptor delegate;

	GatewayLoadBalancing(ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
		this.delegate = new DeferringLoadBalancerInterceptor(loadBalancer);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			return this.delegate.intercept(request, body, execution);
		}
		catch (IllegalStateException ex) {
			// The load balancer signals "no instance registered" this way. To a caller that is the
			// same as a gateway that does not answer: an I/O failure, which RestClient and
			// RestTemplate report as ResourceAccessException instead of a bare runtime exception.
			throw new IOException("No gateway instance available: " + ex.getMessage(), ex);
		}
	}

}
