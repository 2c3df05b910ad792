package com.blueprintshop.storefront.home;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.blueprintshop.storefront.StorefrontProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks every service, through the gateway and in parallel, who it is and what its database
 * says, so the system page shows at a glance that each tier is alive.
 */
@Service
class SystemOverview implements DisposableBean {

	private final RestClient gateway;

	private final List<String> services;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	SystemOverview(RestClient gateway, StorefrontProperties properties) {
		this.gateway = gateway;
		this.services = List.copyOf(properties.services());
	}

	List<ServiceStatus> services() {
		List<CompletableFuture<ServiceStatus>> calls = this.services.stream()
			.map(service -> CompletableFuture.supplyAsync(() -> ask(service), this.executor))
			.toList();
		return calls.stream().map(CompletableFuture::join).toList();
	}

	private ServiceStatus ask(String service) {
		long start = System.nanoTime();
		try {
			ServiceStatus.About about = this.gateway.get()
				.uri("/api/{service}/about", service)
				.retrieve()
				.body(ServiceStatus.About.class);
			return ServiceStatus.answered(about, elapsedMillis(start));
		}
		catch (RestClientResponseException ex) {
			return ServiceStatus.failed(service, ex.getStatusCode().value() + " " + ex.getStatusText(),
					elapsedMillis(start));
		}
		catch (RestClientException ex) {
			return ServiceStatus.failed(service, "gateway unreachable: " + ex.getMostSpecificCause().getMessage(),
					elapsedMillis(start));
		}
	}

	private static long elapsedMillis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Override
	public void destroy() {
		this.executor.close();
	}

}
