package com.blueprintshop.inventory.sku;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import com.blueprintshop.defaults.ServiceHttpClients;
import com.blueprintshop.inventory.system.InventoryProperties;

/**
 * Catalog's SKU list and product details, called straight at catalog (never through the
 * gateway). {@code shop.inventory.catalog-url} is a discovery name by default
 * ({@code http://catalog}: each call goes to an instance the load balancer picks); a URL with a
 * port or a dotted host is called as it is, which is how tests and a deployment without
 * discovery point it somewhere. Each call has the shared client's timeouts.
 */
@Component
public class CatalogClient {

	/** The most SKUs catalog returns per page. */
	public static final int MAX_PAGE = 1000;

	private final RestClient http;

	CatalogClient(ServiceHttpClients clients, InventoryProperties properties) {
		URI url = URI.create(properties.catalogUrl());
		this.http = isServiceName(url) ? clients.forService(url.getHost()) : clients.forBaseUrl(properties.catalogUrl());
	}

	static boolean isServiceName(URI url) {
		String host = url.getHost();
		String path = (url.getPath() != null) ? url.getPath() : "";
		return host != null && url.getPort() == -1 && !host.contains(".") && !host.contains(":")
				&& !host.equalsIgnoreCase("localhost") && (path.isEmpty() || path.equals("/"));
	}

	/** The SKUs in code order just after {@code after} (from the first when {@code null}). */
	public SkuPage skus(String after, int limit) {
		int size = Math.clamp(limit, 1, MAX_PAGE);
		SkuPage page = this.http.get()
			.uri((uri) -> (after != null) ? uri.path("/skus").queryParam("after", after).queryParam("limit", size).build()
					: uri.path("/skus").queryParam("limit", size).build())
			.retrieve()
			.body(SkuPage.class);
		if (page == null || page.items() == null) {
			throw new IllegalStateException("catalog answered /skus without items");
		}
		return page;
	}

	/** The product and its SKUs, or empty when catalog has no active product with that id. */
	public Optional<Product> product(UUID id) {
		try {
			return Optional.ofNullable(this.http.get().uri("/products/by-id/{id}", id).retrieve().body(Product.class));
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
	}

	/**
	 * @param items SKUs in code order
	 * @param next the {@code after} of the following page, or {@code null} after the last
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SkuPage(List<CatalogSku> items, String next) {
	}

	/** @param status {@code ACTIVE} or {@code RETIRED} (the product's) */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CatalogSku(String sku, UUID productId, String productSlug, String productName, String status) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Product(UUID id, String slug, String name, String status, List<ProductSku> skus) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ProductSku(String sku) {
	}

}
