package com.blueprintshop.storefront.admin;

import java.util.List;

import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

/**
 * Inventory's staff API through the gateway ({@code /api/inventory/admin/...}) with the signed-in
 * user's token (WAREHOUSE or ADMIN): bulk stock uploads and one SKU's stock per warehouse.
 */
@Component
class StockAdminClient {

	private final RestClient gateway;

	StockAdminClient(RestClient gateway) {
		this.gateway = gateway;
	}

	UploadReport upload(String token, MultipartFile file) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", file.getResource())
			.filename((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "stock.csv")
			.contentType(MediaType.parseMediaType("text/csv"));
		return GatewayCalls.call(() -> this.gateway.post()
			.uri("/api/inventory/admin/stock/uploads")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build())
			.retrieve()
			.body(UploadReport.class));
	}

	StockLevels stock(String token, String sku) {
		return GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/inventory/admin/stock?sku={sku}", sku)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(StockLevels.class));
	}

	/** What an upload did: rows read, applied, unchanged, rejected (by line) and batches written. */
	record UploadReport(int rows, int applied, int unchanged, List<Rejected> rejected, int batches) {

		UploadReport {
			rejected = (rejected != null) ? List.copyOf(rejected) : List.of();
		}

		record Rejected(int line, String sku, String reason) {
		}

	}

	/** One SKU's stock in each warehouse. */
	record StockLevels(String sku, List<Warehouse> warehouses) {

		StockLevels {
			warehouses = (warehouses != null) ? List.copyOf(warehouses) : List.of();
		}

		public int onHand() {
			return this.warehouses.stream().mapToInt(Warehouse::onHand).sum();
		}

		public int reserved() {
			return this.warehouses.stream().mapToInt(Warehouse::reserved).sum();
		}

		public int available() {
			return this.warehouses.stream().mapToInt(Warehouse::available).sum();
		}

		record Warehouse(String code, String name, int onHand, int reserved, int available) {
		}

	}

}
