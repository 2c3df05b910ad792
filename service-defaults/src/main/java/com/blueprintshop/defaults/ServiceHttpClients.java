package com.blueprintshop.defaults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.httpcomponents.hc5.PoolingHttpClientConnectionManagerMetricsBinder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one way deployables make outbound HTTP calls: a shared pool of keep-alive connections
 * (TCP_NODELAY, bounded per route), a connect timeout and a read timeout on every call, pool
 * gauges in Micrometer, and trace propagation through Boot's {@link RestClientBuilderConfigurer} (the observation
 * customizer).
 */
public class ServiceHttpClients implements DisposableBean {

	private final CloseableHttpClient httpClient;

	private final HttpClientProperties properties;

	private final RestClientBuilderConfigurer configurer;

	private final MeterRegistry registry;

	private final ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer;

	private final List<CloseableHttpClient> dedicated = new CopyOnWriteArrayList<>();

	ServiceHttpClients(HttpClientProperties properties, RestClientBuilderConfigurer configurer, MeterRegistry registry,
			ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
		this.properties = properties;
		this.configurer = configurer;
		this.registry = registry;
		this.loadBalancer = loadBalancer;
		this.httpClient = pooledClient("shop-http", properties.maxConnections(), properties.maxConnectionsPerRoute(),
				properties.readTimeout(), true);
	}

	private CloseableHttpClient pooledClient(String name, int maxTotal, int maxPerRoute, Duration read,
			boolean retryBrokenConnections) {
		Timeout connectTimeout = Timeout.of(this.properties.connectTimeout());
		Timeout readTimeout = Timeout.of(read);
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(maxTotal)
			.setMaxConnPerRoute(maxPerRoute)
			.setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(readTimeout).build())
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(connectTimeout)
				.setSocketTimeout(readTimeout)
				.setValidateAfterInactivity(TimeValue.ofSeconds(2))
				.build())
			.build();
		HttpClientBuilder client = HttpClients.custom()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(connectTimeout)
				.setResponseTimeout(readTimeout)
				.build())
			// below Jetty's 30 s idle timeout, so the pool drops a connection before the server does
			.evictIdleConnections(TimeValue.of(20, TimeUnit.SECONDS))
			// a redirect is the caller's to see: the gateway relays identity's to the browser, and
			// following one would send the request to wherever the Location points
			.disableRedirectHandling();
		if (retryBrokenConnections) {
			client.setRetryStrategy(new IdempotentRetryOnce());
		}
		else {
			client.disableAutomaticRetries();
		}
		new PoolingHttpClientConnectionManagerMetricsBinder(pool, name).bindTo(this.registry);
		return client.build();
	}

	/**
	 * A builder on a pool of its own, for calls that hold a connection for long (long polls): however
	 * many of them wait, they cannot take the connections every other call needs. Same settings as
	 * the shared pool but its size and read timeout; no automatic retry. Closed with this bean.
	 */
	public RestClient.Builder dedicatedBuilder(String name, int maxConnections, Duration readTimeout) {
		CloseableHttpClient client = pooledClient(name, maxConnections, maxConnections, readTimeout, false);
		this.dedicated.add(client);
		return this.configurer.configure(RestClient.builder())
			.requestFactory(new HttpComponentsClientHttpRequestFactory(client));
	}

	/** A request factory on the shared pool, for builders that need their own customisation. */
	public HttpComponentsClientHttpRequestFactory requestFactory() {
		return new HttpComponentsClientHttpRequestFactory(this.httpClient);
	}

	/** A new builder on the shared pool, observed (metrics and trace propagation). */
	public RestClient.Builder builder() {
		return this.configurer.configure(RestClient.builder()).requestFactory(requestFactory());
	}

	/** A client for one base URL on the shared pool. */
	public RestClient forBaseUrl(String baseUrl) {
		return builder().baseUrl(baseUrl).build();
	}

	/**
	 * A client for another service by its discovery name ({@code http://catalog/...}): each call
	 * goes to an instance the load balancer picks from the registry. Service-to-service calls go
	 * straight to the service, not through the gateway, so that a burst cannot exhaust the
	 * gateway's threads with calls that wait on the gateway again (the course's load-induced
	 * deadlock).
	 */
	public RestClient forService(String serviceId) {
		return builder().requestInterceptor(new DeferringLoadBalancerInterceptor(this.loadBalancer))
			.baseUrl("http://" + serviceId)
			.build();
	}

	@Override
	public void destroy() throws Exception {
		for (CloseableHttpClient client : this.dedicated) {
			client.close();
		}
		this.httpClient.close();
	}

	/**
	 * One immediate retry of an idempotent request (GET, HEAD, PUT, DELETE…) whose connection
	 * broke under it — a pooled keep-alive connection the server had just closed. Never a POST,
	 * never on a timeout, and never on a response: a 503 goes back to the caller as it is.
	 */
	static final class IdempotentRetryOnce extends DefaultHttpRequestRetryStrategy {

		IdempotentRetryOnce() {
			super(1, TimeValue.ZERO_MILLISECONDS);
		}

		@Override
		public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
			return false;
		}

	}

}
