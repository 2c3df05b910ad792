package com.blueprintshop.storefront.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.blueprintshop.storefront.catalog.Money;
import com.blueprintshop.storefront.catalog.Page;
import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

/**
 * Catalog's staff API through the gateway ({@code /api/catalog/admin/...}), every call with the
 * signed-in user's access token: catalog decides again, from the token's roles, that the caller
 * may change the catalog.
 */
@Component
class CatalogAdminClient {

	private static final ParameterizedTypeReference<Page<AdminProductRow>> PRODUCT_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<AdminCategory>> CATEGORIES = new ParameterizedTypeReference<>() {
	};

	private final RestClient gateway;

	CatalogAdminClient(RestClient gateway) {
		this.gateway = gateway;
	}

	Page<AdminProductRow> products(String token, String query, String status, int page, int size) {
		Map<String, Object> values = new HashMap<>();
		values.put("q", (query != null) ? query : "");
		values.put("status", status);
		values.put("page", page);
		values.put("size", size);
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/admin/products?q={q}&status={status}&page={page}&size={size}", values)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(PRODUCT_PAGE));
	}

	AdminProduct product(String token, UUID id) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/admin/products/{id}", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(AdminProduct.class));
	}

	AdminProduct create(String token, NewProduct product) {
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/catalog/admin/products")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(product)
			.retrieve()
			.body(AdminProduct.class));
	}

	AdminProduct update(String token, UUID id, ProductUpdate product) {
		return GatewayCalls.call(() -> this.gateway.put()
			.uri("/api/catalog/admin/products/{id}", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(product)
			.retrieve()
			.body(AdminProduct.class));
	}

	AdminProduct retire(String token, UUID id) {
		return lifecycle(token, id, "retire");
	}

	AdminProduct restore(String token, UUID id) {
		return lifecycle(token, id, "restore");
	}

	private AdminProduct lifecycle(String token, UUID id, String action) {
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/catalog/admin/products/{id}/{action}", id, action)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(AdminProduct.class));
	}

	void uploadImage(String token, UUID id, MultipartFile file) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", file.getResource())
			.filename((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "image")
			.contentType((file.getContentType() != null) ? MediaType.parseMediaType(file.getContentType())
					: MediaType.APPLICATION_OCTET_STREAM);
		GatewayCalls.run(() -> this.gateway.post()
			.uri("/api/catalog/admin/products/{id}/images", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build())
			.retrieve()
			.toBodilessEntity());
	}

	List<AdminCategory> categories(String token) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/catalog/admin/categories")
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(CATEGORIES));
	}

	void createCategory(String token, CategoryChange category) {
		GatewayCalls.run(() -> this.gateway.post()
			.uri("/api/catalog/admin/categories")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(category)
			.retrieve()
			.toBodilessEntity());
	}

	void updateCategory(String token, String slug, CategoryChange category) {
		GatewayCalls.run(() -> this.gateway.put()
			.uri("/api/catalog/admin/categories/{slug}", slug)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(category)
			.retrieve()
			.toBodilessEntity());
	}

	void retireCategory(String token, String slug) {
		GatewayCalls.run(() -> this.gateway.post()
			.uri("/api/catalog/admin/categories/{slug}/retire", slug)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.toBodilessEntity());
	}

	record NewProduct(String name, String description, String categorySlug, Money price, boolean featured) {
	}

	record ProductUpdate(String name, String description, String categorySlug, Money price, boolean featured,
			long version) {
	}

	record CategoryChange(String name, String parentSlug, String description) {
	}

}
