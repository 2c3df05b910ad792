package com.blueprintshop.storefront;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThatIOException;

class GatewayLoadBalancingTests {

	@Test
	void reportsAMissingGatewayInstanceAsAnIoFailure() {
		BlockingLoadBalancerInterceptor noInstance = (request, body, execution) -> {
			throw new IllegalStateException("No instances available for gateway");
		};
		ObjectProvider<BlockingLoadBalancerInterceptor> provider = new ObjectProvider<>() {

			@Override
			public BlockingLoadBalancerInterceptor getObject() {
				return noInstance;
			}

			@Override
			public BlockingLoadBalancerInterceptor getIfAvailable() {
				return noInstance;
			}

		};

		assertThatIOException()
			.isThrownBy(() -> new GatewayLoadBalancing(provider).intercept(
					new MockClientHttpRequest(HttpMethod.GET, URI.create("http://gateway/api/catalog/categories")),
					new byte[0], (request, body) -> {
						throw new IOException("not reached");
					}))
			.withMessageContaining("No gateway instance available");
	}

}
